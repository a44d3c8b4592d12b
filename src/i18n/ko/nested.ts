import type { nested as en } from '../en/nested.ts';

/** Korean strings of chapter 1's nested fields figure: the keys of the English group. */
export const nested: Record<keyof typeof en, string> = {
  'nested.title': "인공지능은 머신러닝을 포함하고, 머신러닝은 딥러닝을 포함합니다",
  'nested.desc': "세 영역이 겹겹이 들어 있습니다. 가장 바깥의 인공지능은 우리가 지능적이라고 부르는 일을 하는 프로그램입니다. 예를 들면 규칙 기반 전문가 시스템이나 수를 탐색하는 체스 프로그램이 있습니다. 그 안의 머신러닝은 예시로부터 학습하는 프로그램입니다. 예를 들면 스팸 필터나 신용 점수처럼, 사람이 고른 특성에 대한 선형 모델이 있습니다. 그 안의 딥러닝은 여러 층으로 된 신경망으로, 원시 데이터에서 스스로 특성을 학습합니다. 예를 들면 사진 속 물체나 음성을 인식하는 일이 있습니다.",
  'nested.ai.name': "인공지능",
  'nested.ai.gloss': "지능적이라 부르는 일을 함",
  'nested.ai.examples': "규칙 기반|전문가 시스템,|사람이 쓴|규칙에 따라|수를 탐색하는|체스 프로그램",
  'nested.ml.name': "머신러닝",
  'nested.ml.gloss': "예시로부터 학습함",
  'nested.ml.examples': "스팸 필터,|신용 점수:|사람이 고른|특성마다|가중치를 학습하는|선형 모델",
  'nested.dl.name': "딥러닝",
  'nested.dl.gloss': "특성을 스스로 학습함",
  'nested.dl.examples': "사진, 음성:|여러 층이|원시 입력에서|학습함",
};

import type { xorHidden as en } from '../en/xor-hidden.ts';

/** Korean strings of the XOR hidden-layer figure: the keys of the English group. */
export const xorHidden: Record<keyof typeof en, string> = {
  'xorHidden.input.title': "입력 평면 (x₁, x₂)",
  'xorHidden.input.label': "네 XOR 점 위에 그린 두 은닉 유닛의 선",
  'xorHidden.input.desc': "은닉 유닛 1의 선 x1 + x2 = 0.5(실선)와 은닉 유닛 2의 선 x1 + x2 = 1.5(점선)이며, 각 선에는 그 유닛이 발화하는 쪽을 가리키는 화살표가 있습니다. 점 (0, 1)과 (1, 0)은 XOR이 1인 점으로, 두 선 사이에 있습니다. (0, 0)은 두 선 아래에, (1, 1)은 두 선 위에 있습니다.",
  'xorHidden.hidden.title': "은닉 평면 (a₁, a₂)",
  'xorHidden.hidden.label': "두 은닉 유닛의 활성값 위치에 놓인 네 입력과 출력 유닛의 선",
  'xorHidden.hidden.desc': "은닉 활성값의 평면 (a1, a2)에서 입력 (0, 0)은 (0, 1) 근처에, 입력 (1, 1)은 (1, 0) 근처에 놓이고, (0, 1)과 (1, 0)은 둘 다 (1, 1) 근처에 놓입니다. 출력 유닛의 선 a1 + a2 = 1.5는 이 마지막 점만 발화하는 쪽에 남깁니다.",
  'xorHidden.table.caption': "네 입력 각각의 순전파",
  'xorHidden.and': ", ",
};

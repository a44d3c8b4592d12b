// 기울기 흐름 실험의 세 신경망, 스텝 0: 유닛 8개짜리 은닉층 10개,
// 시드 1, 실험의 원 데이터셋 점 200개(flowData),
// 손실은 이진 교차 엔트로피.
const circle = flowData().train;
const depth = 10;
const profiles: Record<string, Float64Array> = {};

for (const hidden of ['sigmoid', 'tanh', 'relu'] as const) {
  const net = flowNetwork(hidden, depth, 8, 1);
  const { grad } = net.lossAndGrad(circle.x, circle.y, 'bce');
  // 각 층 가중치의 mean |∂L/∂w|, 1층(입력 쪽 층)부터
  profiles[hidden] = gradientProfile(net, grad);
  const share = attenuation(profiles[hidden])!.toPrecision(2);
  print(`${hidden}: layer 1 gets ${share} of the output layer's gradient`);
}

// 시그모이드 신경망 옆에 0.25ⁿ 사슬: 그 출력층의 기울기에
// 뒤로 거치는 시그모이드 층마다 0.25를 곱한 값.
const sig = profiles.sigmoid;
const x = Array.from(sig, (_, l) => l + 1);
const ceiling = chainProfile(sig.length, sig[sig.length - 1], 0.25);
plot([
  { label: 'sigmoid', x, y: sig },
  { label: '0.25ⁿ chain', x, y: ceiling },
  { label: 'tanh', x, y: profiles.tanh },
  { label: 'ReLU', x, y: profiles.relu },
], {
  title: 'Mean |∂L/∂w| per layer at step 0',
  xLabel: 'layer (1 = next to the input)',
  yLabel: 'mean |∂L/∂w|',
  logY: true,
});

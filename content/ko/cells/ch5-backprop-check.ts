// 이 장의 풀이 예제를 Value(위의 셀)로 만듭니다.
// 매개변수는 torch의 순서를 따릅니다: W⁽¹⁾를 행 단위로, b⁽¹⁾, W⁽²⁾, b⁽²⁾.
const start = [0.6, -0.4, 0.2, 0.9, 0, -0.1, 0.7, -0.5, 0.1];
const p = start.map((v) => new Value(v));
const [x1, x2, y] = [1, 0.5, 1];

// 순전파: 시그모이드 은닉 유닛 두 개, 그다음 시그모이드 출력 ŷ.
const a1 = p[0].mul(x1).add(p[1].mul(x2)).add(p[4]).sigmoid();
const a2 = p[2].mul(x1).add(p[3].mul(x2)).add(p[5]).sigmoid();
const yHat = p[6].mul(a1).add(p[7].mul(a2)).add(p[8]).sigmoid();
// y = 1일 때 이진 교차 엔트로피는 −ln ŷ입니다.
const loss = yHat.log().mul(-1);
loss.backward();
print('ŷ =', yHat.data, ' L =', loss.data);

// 같은 가중치를 넣은 엔진의 신경망으로 순전파와 역전파를
// 한 번씩 추적합니다.
const net = createMLP({
  sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid',
});
net.params.set(start);
const engine = net.trace([x1, x2], [y], 'bce');
const names = ['w⁽¹⁾₁₁', 'w⁽¹⁾₁₂', 'w⁽¹⁾₂₁', 'w⁽¹⁾₂₂', 'b⁽¹⁾₁', 'b⁽¹⁾₂',
  'w⁽²⁾₁₁', 'w⁽²⁾₁₂', 'b⁽²⁾'];
const gaps = p.map((v, i) => v.grad - engine.grad[i]);
table(p.map((v, i) => ({
  parameter: names[i],
  'ours': v.grad,
  'engine': engine.grad[i],
  difference: gaps[i],
})));
print('largest difference:', Math.max(...gaps.map(Math.abs)));

// 같은 설정의 엔진 옵티마이저(모멘텀을 쓴 torch.optim.SGD)를 같은
// 골짜기, 같은 시작점에서 돌립니다. torch가 텐서를 제자리에서
// 갱신하듯, 이 옵티마이저는 Float64Array를 제자리에서 갱신합니다.
const optimizer = createOptimizer({ kind: 'momentum', lr, momentum: mu });
const point = Float64Array.from(valley.start);
const theirs = [valley.f(point[0], point[1])];
for (let t = 1; t <= steps; t++) {
  const g = Float64Array.from(valley.grad(point[0], point[1]));
  optimizer.step(point, g);
  theirs.push(valley.f(point[0], point[1]));
}
print('your final loss:  ', mine[steps]);
print('engine final loss:', theirs[steps]);
print('the same at every step:', mine.every((v, t) => v === theirs[t]));

// 비교용: 같은 η의 기본 경사 하강법(μ = 0).
const gd = race(valley, [{ spec: { kind: 'sgd', lr } }], valley.start,
  { steps })[0].loss;
print('plain gradient descent:', gd[steps]);
plot([
  { label: `momentum, μ = ${mu}`, y: theirs },
  { label: 'plain gradient descent', y: gd },
], {
  title: 'Loss on θ₁² + 10θ₂²', xLabel: 'step', yLabel: 'loss', logY: true,
});

// 골짜기 L(θ) = θ₁² + 10θ₂² (엔진의 곡면 'bowl').
const valley = surface('bowl');
const lr = 0.04; // η
const mu = 0.52; // μ, 모멘텀
const steps = 43;

// torch 방식의 무거운 공 스텝 한 번: b ← μb + g, 그다음 θ ← θ − ηb.
// (torch는 첫 스텝에서 b = g로 둡니다. b = 0에서 시작하면 μb + g는 그냥 g입니다.)
function momentumStep(theta: number[], b: number[], g: number[]): void {
  for (let i = 0; i < theta.length; i++) {
    b[i] = mu * b[i] + g[i];
    theta[i] = theta[i] - lr * b[i];
  }
}

const theta = [...valley.start];
const velocity = [0, 0];
// 시작점과 매 스텝 뒤의 손실(아래의 경주에서 씁니다)
const mine = [valley.f(theta[0], theta[1])];
for (let t = 1; t <= steps; t++) {
  momentumStep(theta, velocity, valley.grad(theta[0], theta[1]));
  mine.push(valley.f(theta[0], theta[1]));
}
print(`after ${steps} steps: θ = [${theta.join(', ')}]`);
print('loss from', mine[0], 'to', mine[steps]);

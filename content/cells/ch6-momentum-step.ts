// The valley L(θ) = θ₁² + 10θ₂² (the engine's surface 'bowl').
const valley = surface('bowl');
const lr = 0.04; // η
const mu = 0.52; // μ, the momentum
const steps = 43;

// One heavy-ball step in torch's form: b ← μb + g, then θ ← θ − ηb.
// (torch sets b = g at the first step; from b = 0, μb + g is just g.)
function momentumStep(theta: number[], b: number[], g: number[]): void {
  for (let i = 0; i < theta.length; i++) {
    b[i] = mu * b[i] + g[i];
    theta[i] = theta[i] - lr * b[i];
  }
}

const theta = [...valley.start];
const velocity = [0, 0];
// the loss at the start and after every step, for the race below
const mine = [valley.f(theta[0], theta[1])];
for (let t = 1; t <= steps; t++) {
  momentumStep(theta, velocity, valley.grad(theta[0], theta[1]));
  mine.push(valley.f(theta[0], theta[1]));
}
print(`after ${steps} steps: θ = [${theta.join(', ')}]`);
print('loss from', mine[0], 'to', mine[steps]);

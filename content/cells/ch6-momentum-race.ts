// The engine's optimizer with the same settings (torch.optim.SGD with
// momentum), on the same valley from the same start. It steps a
// Float64Array in place, as torch steps a tensor.
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

// Plain gradient descent (μ = 0) at the same η, for comparison.
const gd = race(valley, [{ spec: { kind: 'sgd', lr } }], valley.start,
  { steps })[0].loss;
print('plain gradient descent:', gd[steps]);
plot([
  { label: `momentum, μ = ${mu}`, y: theirs },
  { label: 'plain gradient descent', y: gd },
], {
  title: 'Loss on θ₁² + 10θ₂²', xLabel: 'step', yLabel: 'loss', logY: true,
});

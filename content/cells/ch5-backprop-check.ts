// The chapter's worked example, built from Values (the cell above).
// Parameters in torch's order: W⁽¹⁾ row by row, b⁽¹⁾, W⁽²⁾, b⁽²⁾.
const start = [0.6, -0.4, 0.2, 0.9, 0, -0.1, 0.7, -0.5, 0.1];
const p = start.map((v) => new Value(v));
const [x1, x2, y] = [1, 0.5, 1];

// Forward: two hidden sigmoid units, then the sigmoid output ŷ.
const a1 = p[0].mul(x1).add(p[1].mul(x2)).add(p[4]).sigmoid();
const a2 = p[2].mul(x1).add(p[3].mul(x2)).add(p[5]).sigmoid();
const yHat = p[6].mul(a1).add(p[7].mul(a2)).add(p[8]).sigmoid();
// Binary cross-entropy with y = 1 is −ln ŷ.
const loss = yHat.log().mul(-1);
loss.backward();
print('ŷ =', yHat.data, ' L =', loss.data);

// The engine's network with the same weights, traced through one
// forward and backward pass.
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

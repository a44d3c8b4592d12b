// `featured` is the model the cell above trained: cells on a page
// share what they define. Its weights, one per column (x₁, x₂, then
// the hand-made features), and its bias:
for (const { label, weight } of featured.weights) {
  print(label.padEnd(6), weight.toFixed(2));
}
print('bias  ', featured.bias.toFixed(2));

// With x₁² and x₂², z = 0 is close to w₃x₁² + b = 0 on the x₁ axis,
// that is r = √(b / −w₃).
const w = Object.fromEntries(
  featured.weights.map((f) => [f.key, f.weight]),
);
if (w.x1sq < 0) {
  const r = Math.sqrt(featured.bias / -w.x1sq);
  print('the boundary crosses the x₁ axis near r =', r.toFixed(2));
}

// The model's probability ŷ over the plane, test points on top.
heatmap(featured, {
  extent: { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2 },
  points: data.test,
  title: 'ŷ of the linear model, test points on top',
});

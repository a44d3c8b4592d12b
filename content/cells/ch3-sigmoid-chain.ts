// The simplest deep network: one sigmoid unit per layer, n layers,
// z⁽ˡ⁾ = w·a⁽ˡ⁻¹⁾ + b.
const n = 10;
const w = 1; // every weight
const sizes = Array(n + 1).fill(1);
const chain = createMLP({ sizes, hidden: 'sigmoid', output: 'sigmoid' });

// The best case: every unit exactly at z = 0, where σ′ is largest
// (0.25). The input is 0.5 = σ(0), and each bias cancels what the
// weight passes on: b = −0.5·w.
for (const layer of chain.layers) {
  chain.params[layer.weightOffset] = w;
  chain.params[layer.biasOffset] = -0.5 * w;
}

// One forward and backward pass that keeps every number. dA holds
// ∂L/∂a⁽ˡ⁾; "gradient left" is ∂L/∂a⁽ˡ⁾ ÷ ∂L/∂a⁽ⁿ⁾ (row 0: the input).
const pass = chain.trace([0.5], [1], 'bce');
const top = pass.layers[n - 1].dA[0];
const rows: Record<string, number | string>[] = [{
  l: 0,
  'σ′(z⁽ˡ⁾)': '',
  'gradient left': (w * pass.layers[0].delta[0]) / top,
  '(0.25·w)ⁿ⁻ˡ': (0.25 * w) ** n,
}];
pass.layers.forEach((layer, i) => rows.push({
  l: i + 1,
  'σ′(z⁽ˡ⁾)': layer.df![0],
  'gradient left': layer.dA[0] / top,
  '(0.25·w)ⁿ⁻ˡ': (0.25 * w) ** (n - 1 - i),
}));
table(rows);

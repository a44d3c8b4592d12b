// 가장 단순한 깊은 신경망: 층마다 시그모이드 유닛 하나, 층 n개,
// z⁽ˡ⁾ = w·a⁽ˡ⁻¹⁾ + b.
const n = 10;
const w = 1; // 모든 가중치
const sizes = Array(n + 1).fill(1);
const chain = createMLP({ sizes, hidden: 'sigmoid', output: 'sigmoid' });

// 최선의 경우: 모든 유닛이 정확히 z = 0, 곧 σ′가 가장 큰 곳(0.25)에
// 있습니다. 입력은 0.5 = σ(0)이고, 각 편향은 가중치가 넘겨주는 값을
// 상쇄합니다: b = −0.5·w.
for (const layer of chain.layers) {
  chain.params[layer.weightOffset] = w;
  chain.params[layer.biasOffset] = -0.5 * w;
}

// 모든 수를 남겨 두는 순전파와 역전파 한 번. dA에는
// ∂L/∂a⁽ˡ⁾가 들어 있고, "gradient left"는 ∂L/∂a⁽ˡ⁾ ÷ ∂L/∂a⁽ⁿ⁾입니다(0행: 입력).
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

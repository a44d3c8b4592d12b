// The engine's perceptron, from the same start with the same η
// (`eta` and `sums` come from the cell above).
const start = { weights: [0.5, 0.3], bias: 0.2 };
const run = train(start, truthTable('AND'), { lr: eta });
print('engine: epochs', run.epochs, 'with mistakes', run.mistakesPerEpoch);
print('engine: w =', run.perceptron.weights, 'b =', run.perceptron.bias);

// The engine rounds each sum and weight to 9 decimals, so a sum that
// is 0 on paper is exactly 0. Plain floating point keeps tiny crumbs
// (0.1 + 0.2 is 0.30000000000000004), and a crumb just above 0 fires.
// The first step where your rule and the engine's disagree on firing:
const i = run.records.findIndex((r, k) => r.sum > 0 !== sums[k] > 0);
i < 0
  ? 'every step fires alike'
  : `step ${i + 1}: z = ${sums[i]} by hand, ` +
    `${run.records[i].sum} in the engine`;

/**
 * "Show me the code" for the perceptron lab: the truth table of the chosen gate with the weighted
 * sum z = w·x + b and the output ŷ = step(z) of the current weights, then what the perceptron
 * rule does from there; as a notebook cell and as plain Python with NumPy (the perceptron rule has
 * no sensible PyTorch form: it is not gradient descent), each printing the widget's CSV.
 */
import { jsNum, PY_PRELUDE, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import { DEFAULT_MAX_EPOCHS, truthTable } from '../../engine/perceptron.ts';
import type { PerceptronState } from './model.svelte.ts';

const HEADER = 'x1,x2,target,weighted_sum,output,correct';

export function perceptronCode(state: PerceptronState): WidgetCode {
  const { gate, w1, w2, b, lr } = state;
  const engine = `// The perceptron lab: ${gate} with w₁ = ${w1}, w₂ = ${w2}, b = ${b}.
const gate = ${strLit(gate)};
const perceptron = { weights: [${jsNum(w1)}, ${jsNum(w2)}], bias: ${jsNum(b)} }; // w₁, w₂ and b
const lr = ${jsNum(lr)}; // the learning rate η, for the perceptron rule below

// Each row of the truth table: z = w₁x₁ + w₂x₂ + b and ŷ = step(z), 1 only when z > 0
const samples = truthTable(gate);
const lines = ['${HEADER}'];
for (const { input, target } of samples) {
  const z = weightedSum(perceptron, input);
  const yHat = predict(perceptron, input);
  lines.push([...input, target, z, yHat, yHat === target ? 1 : 0].join(','));
}
// The same lines as the widget's "Download data" (no training yet: epochs=0)
const [pw1, pw2] = perceptron.weights;
lines.push('', \`# gate=\${gate} w1=\${pw1} w2=\${pw2} b=\${perceptron.bias} lr=\${lr} epochs=0\`);
print(lines.join('\\n'));

// What "Train to the end" does from here: the perceptron rule, one row at a time,
// w ← w + η(y − ŷ)x and b ← b + η(y − ŷ), until an epoch makes no mistake (or ${DEFAULT_MAX_EPOCHS} epochs)
const result = train(perceptron, samples, { lr });
const after = (pick) => [pick(perceptron), ...result.records.map((r) => pick(r.after))];
plot([
  { label: 'w₁', y: after((p) => p.weights[0]) },
  { label: 'w₂', y: after((p) => p.weights[1]) },
  { label: 'b', y: after((p) => p.bias) },
], { title: \`\${gate}: \${result.converged ? 'learned' : 'not learned'} after \${result.epochs} epochs\`, xLabel: 'step', yLabel: 'value' });
`;

  const table = truthTable(gate);
  const python = `"""The perceptron lab: the truth table of ${gate} with the weighted sum z = w1·x1 + w2·x2 + b and the
output ŷ = step(z) for w1 = ${w1}, w2 = ${w2}, b = ${b}, printed as CSV (the same lines as the widget's
"Download data"); then the perceptron rule with learning rate ${lr} from those weights, as the
widget's "Train to the end" runs it, reported on standard error.
Plain Python with NumPy: the perceptron rule is not gradient descent, so torch.optim has no form of it."""
${PY_PRELUDE}
import sys

import numpy as np

GATE = ${strLit(gate)}
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # the inputs, in the order the rule visits them
Y = np.array([${table.map((s) => s.target).join(', ')}])  # the targets y of ${gate}
w = np.array([${pyNum(w1)}, ${pyNum(w2)}])  # w1, w2
b = ${pyNum(b)}
LR = ${pyNum(lr)}  # the learning rate η
MAX_EPOCHS = ${DEFAULT_MAX_EPOCHS}


def round9(v):
    """Rounds to 9 decimal places, halves up, as the engine does, so decimal weights give exactly
    the numbers of a hand calculation (in binary 0.2 + 0.1 - 0.3 is 5.6e-17, not 0, and would fire)."""
    scaled = np.asarray(v, dtype=float) * 1e9
    whole = np.floor(scaled)
    return (whole + (scaled - whole >= 0.5)) / 1e9 + 0.0  # + 0.0 turns -0.0 into 0.0


def weighted_sum(w, b, x):
    """z = w·x + b, added up from b in the engine's order, rounded to 9 places."""
    z = b
    for wk, xk in zip(w, x):
        z += wk * xk
    return float(round9(z))


def step(z):
    """The step function: 1 when z > 0, else 0 (also at z = 0)."""
    return 1 if z > 0 else 0


row(${HEADER.split(',').map(strLit).join(', ')})
for x, y in zip(X, Y):
    z = weighted_sum(w, b, x)
    y_hat = step(z)
    row(*x, float(y), z, float(y_hat), float(y_hat == y))
print()
row(f"# gate={GATE} w1={num(w[0])} w2={num(w[1])} b={num(b)} lr={num(LR)} epochs=0")


def train(w, b):
    """The perceptron rule, one row at a time: w <- w + η(y - ŷ)x, b <- b + η(y - ŷ), until an
    epoch makes no mistake, or MAX_EPOCHS."""
    for epoch in range(1, MAX_EPOCHS + 1):
        mistakes = 0
        for x, y in zip(X, Y):
            error = y - step(weighted_sum(w, b, x))
            if error != 0:
                w = round9(w + LR * error * x)
                b = float(round9(b + LR * error))
                mistakes += 1
        if mistakes == 0:
            return w, b, epoch, True
    return w, b, MAX_EPOCHS, False


# Training goes to standard error, so standard output stays the widget's CSV
w, b, epochs, converged = train(w, b)
print(f"trained: converged={converged} epochs={epochs} w1={num(w[0])} w2={num(w[1])} b={num(b)}", file=sys.stderr)
`;
  return { engine, python, pythonKind: 'numpy' };
}

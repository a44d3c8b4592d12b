/**
 * "Show me the code" for the activation explorer: each chosen activation f and its derivative f′
 * sampled on [−R, R], as a notebook cell (activationCurve) and as a PyTorch program (the functions
 * of torch.nn.functional, f′ by autograd), each printing the widget's CSV.
 */
import { jsNum, PY_PRECISION_NOTE, PY_PRELUDE, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import { SAMPLES, type ExplorerState } from './model.svelte.ts';

export function explorerCode(state: ExplorerState): WidgetCode {
  const { fns, range } = state;
  const names = fns.map(strLit).join(', ');
  const engine = `// Activation functions and their derivatives f′ on x from −${range} to ${range}: the widget's two charts.
const names = [${names}];
const range = ${jsNum(range)};   // x runs over [−range, range]
const samples = ${SAMPLES}; // an odd number, so x = 0 is one of the samples

// f and f′ of each function at the same evenly spaced x
const curves = names.map((name) => activationCurve(name, -range, range, samples));

// The samples as CSV, the same lines as the widget's "Download data"
const lines = [['x', ...names.flatMap((name) => [name, name + '_derivative'])].join(',')];
for (let i = 0; i < samples; i++) {
  lines.push([curves[0].x[i], ...curves.flatMap((c) => [c.f[i], c.df[i]])].join(','));
}
print(lines.join('\\n'));

plot(names.map((name, k) => ({ label: name + '′', x: Array.from(curves[k].x), y: Array.from(curves[k].df) })),
  { title: 'Derivatives f′(x)', xLabel: 'x', yLabel: 'f′(x)' });
`;
  const python = `"""Activation functions and their derivatives f′ on x from -${range} to ${range}, ${SAMPLES} samples:
${fns.join(', ')}. f comes from torch.nn.functional, f′ from autograd.
Prints the samples as CSV, the same lines as the activation explorer's "Download data"."""
${PY_PRELUDE}
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}

NAMES = [${names}]
RANGE = ${pyNum(range)}  # x runs over [-RANGE, RANGE]
SAMPLES = ${SAMPLES}  # an odd number, so x = 0 is one of the samples

FUNCTIONS = {
    # step: 1 for x > 0, else 0 (0 at x = 0 too). torch has no derivative for heaviside: f' is 0
    # wherever it exists, and 0 is what we write (also at the jump, where there is none).
    "step": lambda x: torch.heaviside(x, torch.zeros_like(x)),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,  # f'(0) = 0, as in the engine
    "leaky_relu": F.leaky_relu,  # slope 0.01 for x <= 0
    "elu": F.elu,  # alpha = 1
    "gelu": F.gelu,  # the exact form x·Φ(x)
    # softplus: torch returns x itself above x = 20 (its threshold); the engine stays exact, and
    # the widget never goes past x = 20, so the two agree here.
    "softplus": F.softplus,
}

# The same evenly spaced x as the widget: -RANGE + 2·RANGE·i / (SAMPLES - 1), the last exactly RANGE
x = torch.tensor([-RANGE + ((RANGE - -RANGE) * i) / (SAMPLES - 1) for i in range(SAMPLES - 1)] + [RANGE], requires_grad=True)

columns = []
for name in NAMES:
    f = FUNCTIONS[name](x)
    if name == "step":
        df = torch.zeros_like(x)
    else:
        (df,) = torch.autograd.grad(f.sum(), x)
    columns += [f.detach().tolist(), df.tolist()]

row("x", *[label for name in NAMES for label in (name, name + "_derivative")])
for i, xi in enumerate(x.detach().tolist()):
    row(xi, *[column[i] for column in columns])
`;
  return { engine, python, pythonKind: 'pytorch' };
}

/**
 * "Show me the code" for linear collapse: one stack of dense layers with seeded weights, run with
 * nothing between its layers and with an activation between them, and the single layer the first
 * one equals; as a notebook cell and as a PyTorch program (nn.Sequential of nn.Linear, the weights
 * written out), each printing the widget's CSV.
 */
import { buildStack } from '../../engine/collapse.ts';
import { chunk, PY_PRECISION_NOTE, PY_PRELUDE, pyInt, pyList, pyMatrix, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import { X_RANGE, type CollapseState } from './model.svelte.ts';

/** Points on the x axis (stackCurves' default). */
const POINTS = 241;

const TORCH_ACTIVATION = { tanh: 'nn.Tanh()', relu: 'nn.ReLU()', sigmoid: 'nn.Sigmoid()' } as const;

export function collapseCode(state: CollapseState): WidgetCode {
  const { depth, width, activation, seed } = state;
  const engine = `// Linear collapse: ${depth} layer${depth === 1 ? '' : 's'} from x to ŷ, ${width} unit${width === 1 ? '' : 's'} per hidden layer, seed ${seed}.
const depth = ${depth};
const width = ${width};
const activation = ${strLit(activation)}; // what the bent copy puts between its layers
const seed = ${seed};

// Two networks with the same seeded weights: one with nothing between the layers, one with the activation
const { straight, bent } = buildStack({ depth, width, activation, seed });

// ${POINTS} inputs x from −${X_RANGE} to ${X_RANGE}, one per row
const n = ${POINTS};
const xs = Array.from({ length: n }, (_, i) => (i === n - 1 ? ${X_RANGE} : -${X_RANGE} + (${2 * X_RANGE} * i) / (n - 1)));
const linearStack = straight.forwardBatch(xs.map((x) => [x]));
const withActivation = bent.forwardBatch(xs.map((x) => [x]));

// Without activations the stack is one layer ŷ = a·x + b: multiply the layers out (a and b are in the CSV's single_layer)
const single = composeLinear(straight);
const a = single.weights[0];
const b = single.bias[0];

// The curves as CSV, the same lines as the widget's "Download data"
const lines = [\`x,linear_stack,single_layer,with_\${activation}\`];
xs.forEach((x, i) => lines.push([x, linearStack[i], a * x + b, withActivation[i]].join(',')));
print(lines.join('\\n'));

plot([
  { label: 'linear stack', x: xs, y: Array.from(linearStack) },
  { label: \`with \${activation}\`, x: xs, y: Array.from(withActivation) },
], { title: 'The same weights, with and without an activation', xLabel: 'x', yLabel: 'ŷ' });
`;

  const { straight } = buildStack({ depth, width, activation, seed });
  const layers = straight.layers.map((l) => ({
    shape: [l.inputs, l.outputs],
    weight: chunk(straight.params.subarray(l.weightOffset, l.weightOffset + l.inputs * l.outputs), l.inputs),
    bias: Array.from(straight.params.subarray(l.biasOffset, l.biasOffset + l.outputs)),
  }));
  const weights = layers
    .map((l, k) => `    # layer ${k + 1}: ${l.shape[0]} in, ${l.shape[1]} out\n    (\n        ${pyMatrix(l.weight, '            ')},\n        ${pyList(l.bias, 6, '            ')},\n    ),`)
    .join('\n');
  const python = `"""Linear collapse: a stack of ${depth} dense layer${depth === 1 ? '' : 's'} from x to ŷ (${width} unit${width === 1 ? '' : 's'} per hidden layer, the
weights of seed ${seed}), run with nothing between the layers and with ${activation} between them, and the
single layer ŷ = a·x + b the first one equals. Prints the curves on x from -${X_RANGE} to ${X_RANGE} as CSV, the
same lines as the widget's "Download data"."""
${PY_PRELUDE}
import torch
from torch import nn

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}

# Each layer's weight matrix (units out × units in, as nn.Linear.weight) and biases, as the widget drew them
LAYERS = [
${weights}
]


def stack(between=None):
    """nn.Linear layers with the LAYERS weights, and \`between\` after every layer but the last."""
    parts = []
    for k, (weight, bias) in enumerate(LAYERS):
        layer = nn.Linear(len(weight[0]), len(weight))
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(weight))
            layer.bias.copy_(torch.tensor(bias))
        parts.append(layer)
        if between is not None and k < len(LAYERS) - 1:
            parts.append(between)
    return nn.Sequential(*parts)


straight = stack()
bent = stack(${TORCH_ACTIVATION[activation]})

# Without activations the stack is one layer: W = W_L ··· W_1, b = W_L(··· (W_2 b_1 + b_2) ···) + b_L
weight = torch.eye(1)
bias = torch.zeros(1)
with torch.no_grad():
    for layer in straight:
        weight = layer.weight @ weight
        bias = layer.weight @ bias + layer.bias
a, b = weight.item(), bias.item()

n = ${pyInt(POINTS)}
xs = [-${pyNum(X_RANGE)} + (${pyNum(2 * X_RANGE)} * i) / (n - 1) for i in range(n - 1)] + [${pyNum(X_RANGE)}]
x = torch.tensor(xs).reshape(n, 1)
with torch.no_grad():
    linear_stack = straight(x).flatten().tolist()
    with_activation = bent(x).flatten().tolist()

row("x", "linear_stack", "single_layer", ${strLit(`with_${activation}`)})
for i in range(n):
    row(xs[i], linear_stack[i], a * xs[i] + b, with_activation[i])
`;
  return { engine, python, pythonKind: 'pytorch' };
}

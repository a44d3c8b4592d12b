/**
 * "Show me the code" for the backprop stepper: one forward and backward pass of its small network
 * on one example, the gradient of every weight and bias checked by central differences, and one
 * gradient-descent step, as a notebook cell and as a PyTorch program (autograd, torch.optim.SGD).
 * Both print the gradient table of the widget's "Download data".
 */
import { jsList, jsNum, PY_PRECISION_NOTE, PY_PRELUDE, pyList, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import { symbolText } from './format.ts';
import { sizesOf, type StepperState } from './presets.ts';
import { CHECK_H } from './model.svelte.ts';

const HEADER = 'parameter,value,grad_backprop,grad_numeric,relative_error,after_update';

/** Parameter i's name in the notation (torch's layout: W⁽¹⁾ rows, b⁽¹⁾, W⁽²⁾ rows, b⁽²⁾). */
function paramNames(sizes: [number, number, number]): string[] {
  const names: string[] = [];
  for (let l = 1; l <= 2; l++) {
    const inputs = sizes[l - 1];
    const outputs = sizes[l];
    for (let j = 0; j < outputs; j++) for (let k = 0; k < inputs; k++) names.push(symbolText({ q: 'w', l, j, k }, sizes));
    for (let j = 0; j < outputs; j++) names.push(symbolText({ q: 'b', l, j }, sizes));
  }
  return names;
}

export function stepperCode(state: StepperState): WidgetCode {
  const { arch, hidden, loss, lr, params, x, y } = state;
  const sizes = sizesOf(arch);
  const names = paramNames(sizes);
  const quoted = names.map((n) => strLit(`"${n}"`));

  const engine = `// The backprop stepper: a ${arch} network (${hidden} hidden units, σ output), loss ${loss}, η = ${lr}.
// It prints the gradient table of the widget's "Download data" (the pass, step by step, is in the widget).
const sizes = ${jsList(sizes)};
const hidden = ${strLit(hidden)};
const loss = ${strLit(loss)};
const lr = ${jsNum(lr)};
// Weights and biases in torch's layout: W⁽¹⁾ row by row, b⁽¹⁾, W⁽²⁾ row by row, b⁽²⁾
const params = ${jsList(params)};
const x = ${jsList(x)}; // the input x₁, x₂
const y = ${jsList(y)}; // the target${y.length > 1 ? 's' : ''}

const net = createMLP({ sizes, hidden, output: 'sigmoid' });
net.params.set(params);

// Backpropagation: the forward pass, the error signals δ, every ∂L/∂w, and θ ← θ − η∇L
const pass = backpropSteps(net, x, y, loss, { lr });
// The check: ∂L/∂θᵢ ≈ (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h, with h = ${CHECK_H}
const numeric = numericalLossGrad(net, [x], [y], loss, ${jsNum(CHECK_H)});
const names = ${JSON.stringify(names)};
const lines = ['${HEADER}'];
params.forEach((value, i) => {
  const grad = pass.grad[i];
  lines.push([\`"\${names[i]}"\`, value, grad, numeric[i], relativeError(grad, numeric[i]), pass.updated[i]].join(','));
});
print(lines.join('\\n'));
print(\`\\nloss L = \${pass.loss}\`);
`;

  const [n0, n1, n2] = sizes;
  const w1 = Array.from({ length: n1 }, (_, j) => params.slice(j * n0, (j + 1) * n0));
  const b1 = params.slice(n0 * n1, n0 * n1 + n1);
  const o = n0 * n1 + n1;
  const w2 = Array.from({ length: n2 }, (_, j) => params.slice(o + j * n1, o + (j + 1) * n1));
  const b2 = params.slice(o + n1 * n2);
  const act = { sigmoid: 'nn.Sigmoid()', tanh: 'nn.Tanh()', relu: 'nn.ReLU()' }[hidden];
  const lossLine =
    loss === 'bce'
      ? `    # binary cross-entropy through σ, as the engine computes it from the logit: softplus(z) − y·z
    return F.binary_cross_entropy_with_logits(z, y)`
      : `    # mean squared error of ŷ = σ(z), averaged over the outputs
    return F.mse_loss(torch.sigmoid(z), y)`;

  const python = `"""The backprop stepper with PyTorch: a ${arch} network (${hidden} hidden units, sigmoid output) on one
example, loss ${loss}. Autograd gives every gradient, central differences check them, and one step of
torch.optim.SGD (lr ${lr}) updates the weights. Prints the gradient table of the widget's "Download data"."""
${PY_PRELUDE}
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}
# The numerical gradient divides a difference of two losses by 2h = ${2 * CHECK_H}, so a last-digit
# difference in a loss grows a millionfold there: that column agrees with the widget's to about
# 1e-10, and the relative error (that difference over |∂L/∂θ|) to about 1e-10 / |∂L/∂θ|; the other
# columns agree to the last digit or so.

x = torch.tensor([${pyList(x)}])
y = torch.tensor([${pyList(y)}])

# The last layer gives the logit${n2 > 1 ? 's' : ''} z; σ is applied in the loss below.
model = nn.Sequential(nn.Linear(${n0}, ${n1}), ${act}, nn.Linear(${n1}, ${n2}))
with torch.no_grad():
    model[0].weight.copy_(torch.tensor(${JSON.stringify(w1.map((r) => r.map(pyNum))).replace(/"/g, '')}))
    model[0].bias.copy_(torch.tensor(${pyList(b1)}))
    model[2].weight.copy_(torch.tensor(${JSON.stringify(w2.map((r) => r.map(pyNum))).replace(/"/g, '')}))
    model[2].bias.copy_(torch.tensor(${pyList(b2)}))
params = list(model.parameters())  # torch's layout: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾


def loss_fn():
    z = model(x)
${lossLine}


loss = loss_fn()
loss.backward()
grads = [p.grad.clone() for p in params]
values = [p.detach().clone() for p in params]

# The check: nudge each parameter by ±h and difference the losses
h = ${pyNum(CHECK_H)}
numeric = []
with torch.no_grad():
    for p in params:
        flat = p.view(-1)
        for i in range(flat.numel()):
            keep = flat[i].item()
            flat[i] = keep + h
            up = loss_fn().item()
            flat[i] = keep - h
            down = loss_fn().item()
            flat[i] = keep
            numeric.append((up - down) / (2 * h))

# One step of gradient descent: θ ← θ − η∇L
optimizer = torch.optim.SGD(params, lr=${pyNum(lr)})
optimizer.step()


def relative_error(a, b):
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


names = [${quoted.join(', ')}]
row(${HEADER.split(',').map((s) => `"${s}"`).join(', ')})
value = [v.item() for t in values for v in t.view(-1)]
grad = [g.item() for t in grads for g in t.view(-1)]
after = [a.item() for p in params for a in p.detach().view(-1)]
for i, name in enumerate(names):
    row(name, value[i], grad[i], numeric[i], relative_error(grad[i], numeric[i]), after[i])
print()
print("loss L =", num(loss.item()))
`;
  return { engine, python, pythonKind: 'pytorch' };
}

/**
 * "Show me the code" for the gradient-check lab: the central difference of one parameter of the
 * lesson's 2-2-1 network at every ε of the sweep, against backprop's gradient (with or without the
 * planted bug), as a notebook cell and as a PyTorch program (autograd), each printing the widget's CSV.
 */
import { logSpace } from '../../engine/gradient-check.ts';
import { jsList, jsNum, PY_PRECISION_NOTE, PY_PRELUDE, pyInt, pyList, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import { PRESET_STATES } from '../BackpropStepper/presets.ts';
import { PARAM_LABELS } from '../LossExplorer/model.svelte.ts';
import type { GradLabState } from './model.svelte.ts';

const HEADER = 'eps,numeric,analytic,relative_error';

export function gradLabCode(state: GradLabState): WidgetCode {
  const { param, bug } = state;
  const ex = PRESET_STATES.lesson;
  const name = PARAM_LABELS[param];
  const comment = `# parameter=${name} bug=${bug ? 'drop-df' : 'none'}`;
  const p = ex.params;

  const engine = `// The gradient check: parameter ${param} (${name}) of the lesson's 2-2-1 sigmoid network, binary cross-entropy.
// Backprop's gradient against the central difference (L(θ + ε) − L(θ − ε)) / 2ε for ε from 10⁻¹ to 10⁻¹².
const param = ${param}; // 0–8 in torch's layout: W⁽¹⁾ rows, b⁽¹⁾, W⁽²⁾, b⁽²⁾
const bug = ${bug ? "'drop-df'" : 'null'}; // 'drop-df' forgets f′(z) in the hidden layer's δ
const params = ${jsList(p)};
const x = ${jsList(ex.x)};
const y = ${jsList(ex.y)};

const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
net.params.set(params);
const analytic = backpropSteps(net, x, y, 'bce', { bug }).grad[param];
const sweep = epsilonSweep(net, [x], [y], 'bce', param, analytic, logSpace(-1, -12, 4));

// The widget's "Download data": one row per ε, then which parameter and bug
const lines = ['${HEADER}'];
for (const r of sweep) lines.push([r.eps, r.numeric, analytic, r.relError].join(','));
lines.push(${strLit(comment)});
print(lines.join('\\n'));

plot([{ label: 'relative error', x: sweep.map((r) => r.eps), y: sweep.map((r) => Math.max(r.relError, 1e-17)) }],
  { title: 'Relative error against ε', xLabel: 'ε (log scale, read right to left)', yLabel: 'relative error', logY: true });
`;

  const python = `"""The gradient check with PyTorch: parameter ${param} (${name}) of the lesson's 2-2-1 sigmoid network on
one example, binary cross-entropy. Autograd's gradient${bug ? ' (with the planted bug: f′(z) dropped from the hidden layer\'s δ)' : ''} against
the central difference at every ε from 10⁻¹ to 10⁻¹². Prints the widget's "Download data"."""
${PY_PRELUDE}
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}
# At small ε the central difference is mostly rounding: a last-digit difference between torch's loss
# and the engine's is divided by 2ε, so the numeric column (and the relative error) agrees with the
# widget's only to a few times 1e-16 / ε: about 1e-15 at ε = 10⁻¹, 1e-4 at ε = 10⁻¹².
${bug ? `

class SigmoidForgettingItsSlope(torch.autograd.Function):
    """σ forward; backward passes the gradient through unchanged, forgetting σ′(z): the planted bug."""

    @staticmethod
    def forward(ctx, z):
        return torch.sigmoid(z)

    @staticmethod
    def backward(ctx, grad):
        return grad


class BuggySigmoid(nn.Module):
    def forward(self, z):
        return SigmoidForgettingItsSlope.apply(z)

` : ''}
x = torch.tensor([${pyList(ex.x)}])
y = torch.tensor([${pyList(ex.y)}])
model = nn.Sequential(nn.Linear(2, 2), ${bug ? 'BuggySigmoid()' : 'nn.Sigmoid()'}, nn.Linear(2, 1))  # σ of the output is in the loss
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([${pyList(p.slice(0, 2))}, ${pyList(p.slice(2, 4))}]))
    model[0].bias.copy_(torch.tensor(${pyList(p.slice(4, 6))}))
    model[2].weight.copy_(torch.tensor([${pyList(p.slice(6, 8))}]))
    model[2].bias.copy_(torch.tensor(${pyList(p.slice(8, 9))}))


def loss_fn():
    # binary cross-entropy through σ, from the logit, as the engine computes it: softplus(z) − y·z
    return F.binary_cross_entropy_with_logits(model(x), y)


param = ${pyInt(param)}
loss_fn().backward()
flat = [q.view(-1) for q in model.parameters()]
grads = torch.cat([q.grad.view(-1) for q in model.parameters()])
analytic = grads[param].item()

# Which tensor and element parameter ${param} is (torch's layout: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾)
tensor, i = next((t, param - sum(len(u) for u in flat[:n])) for n, t in enumerate(flat) if param < sum(len(u) for u in flat[: n + 1]))


def relative_error(a, b):
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


epsilons = ${pyList(logSpace(-1, -12, 4), 4)}
row(${HEADER.split(',').map((h) => `"${h}"`).join(', ')})
with torch.no_grad():
    saved = tensor[i].item()
    for eps in epsilons:
        tensor[i] = saved + eps
        up = loss_fn().item()
        tensor[i] = saved - eps
        down = loss_fn().item()
        tensor[i] = saved
        numeric = (up - down) / (2 * eps)
        row(eps, numeric, analytic, relative_error(analytic, numeric))
print(${strLit(comment)})
`;
  return { engine, python, pythonKind: 'pytorch' };
}

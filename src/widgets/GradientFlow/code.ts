/**
 * "Show me the code" for gradient flow: three deep networks (sigmoid, tanh, ReLU hidden layers) of
 * one shape and seed, trained side by side by full-batch gradient descent on the circle points,
 * with the mean |∂L/∂w| of each layer at the start and now; as a notebook cell and as a PyTorch
 * program (nn.Sequential, torch.optim.SGD, the data and starting weights written out), each
 * printing the widget's CSV.
 */
import { FLOW_ACTIVATIONS, flowData, flowNetwork } from '../../engine/gradient-flow.ts';
import { chunk, jsNum, PY_PRECISION_NOTE, PY_PRELUDE, pyInt, pyMatrix, pyNum, type WidgetCode } from '../../lib/widget-code.ts';
import type { FlowState } from './model.svelte.ts';

const TORCH_ACTIVATION = { sigmoid: 'nn.Sigmoid', tanh: 'nn.Tanh', relu: 'nn.ReLU' } as const;

export function flowCode(state: FlowState): WidgetCode {
  const { depth, width, lr, seed, steps } = state;
  const engine = `// Gradient flow: ${depth} hidden layers of ${width} units, learning rate ${lr}, seed ${seed}, ${steps} steps.
const depth = ${depth};  // hidden layers
const width = ${width};   // units per hidden layer
const lr = ${jsNum(lr)};    // η of plain gradient descent
const seed = ${seed};    // the starting weights
const steps = ${steps};   // updates to make (a few hundred take a few seconds)

// 200 points of the circle dataset; every network trains on all of them at each step
const { train } = flowData();

const runs = FLOW_ACTIVATIONS.map((name) => {
  // 2 inputs, depth × width hidden units, one sigmoid output; Glorot for sigmoid and tanh, He for ReLU
  const net = flowNetwork(name, depth, width, seed);
  const start = gradientProfile(net, net.lossAndGrad(train.x, train.y, 'bce').grad);
  const trainer = createTrainer({ net, data: { train }, optimizer: { kind: 'sgd', lr }, loss: 'bce', seed, stopAtLoss: 0 });
  trainer.run(steps); // stops early if training diverges (trainer.reason says why)
  // history.steps.loss[k] was measured before update k + 1, so with the loss now: after 0, 1, …, step updates
  const now = net.lossAndGrad(train.x, train.y, 'bce');
  return { name, losses: [...trainer.history.steps.loss, now.loss], start, profile: gradientProfile(net, now.grad) };
});

// The same lines as the widget's "Download data": each loss, then each layer's mean |∂L/∂w| now and at step 0
const lines = ['quantity,step_or_layer,' + FLOW_ACTIVATIONS.join(',')];
const longest = Math.max(...runs.map((r) => r.losses.length));
for (let k = 0; k < longest; k++) lines.push(['loss', k, ...runs.map((r) => r.losses[k] ?? '')].join(','));
for (let l = 0; l <= depth; l++) {
  lines.push(['gradient_now', l + 1, ...runs.map((r) => r.profile[l])].join(','));
  lines.push(['gradient_step0', l + 1, ...runs.map((r) => r.start[l])].join(','));
}
// A long run passes the notebook's 100,000 characters of output: then only every k-th loss line is
// printed (the last one always); the download and the Python program have every line.
const text = lines.join('\\n');
const every = Math.ceil(text.length / 95_000);
if (every > 1) print('(a long run: one loss line in ' + every + ' is printed here)');
print(every === 1 ? text : lines.filter((line, i) => !line.startsWith('loss,') || (i - 1) % every === 0 || i === longest).join('\\n'));

plot(runs.map((r) => ({ label: r.name, x: Array.from(r.profile, (_, l) => l + 1), y: Array.from(r.profile) })),
  { title: 'Mean |∂L/∂w| per layer', xLabel: 'layer', yLabel: 'mean |∂L/∂w|', logY: true });
`;

  const { train } = flowData();
  const weights = FLOW_ACTIVATIONS.map((name) => {
    const net = flowNetwork(name, depth, width, seed);
    const layers = net.layers.map((l) => `        # layer ${l.index + 1}: ${l.inputs} in, ${l.outputs} out\n        ${pyMatrix(chunk(net.params.subarray(l.weightOffset, l.weightOffset + l.inputs * l.outputs), l.inputs), '            ')},`);
    return `    "${name}": [\n${layers.join('\n')}\n    ],`;
  }).join('\n');
  const python = `"""Gradient flow: three networks of ${depth} hidden layers of ${width} units (sigmoid, tanh and ReLU), one sigmoid
output, the starting weights of seed ${seed}, trained side by side by full-batch gradient descent
(learning rate ${lr}) on 200 points of the circle dataset for ${steps} steps.
Prints each loss after 0, 1, ..., ${steps} updates, then each layer's mean |dL/dw| now and at step 0, as CSV:
the same lines as the widget's "Download data"."""
${PY_PRELUDE}
import torch
from torch import nn

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}

LR = ${pyNum(lr)}
STEPS = ${pyInt(steps)}

# The 200 training points (x1, x2) and their classes: the circle dataset, noise 0.05, seed 1
X = torch.tensor(${pyMatrix(train.x)})
Y = torch.tensor([${train.y.map((t) => pyNum(t[0])).join(', ')}]).reshape(-1, 1)

# The starting weight matrices (units out × units in, as nn.Linear.weight), layer by layer: Glorot
# uniform for sigmoid and tanh, He normal for ReLU. Every bias starts at 0.
WEIGHTS = {
${weights}
}


def network(name):
    """nn.Linear layers with WEIGHTS[name], the activation after each but the last."""
    parts = []
    for k, weight in enumerate(WEIGHTS[name]):
        layer = nn.Linear(len(weight[0]), len(weight))
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(weight))
            layer.bias.zero_()
        parts.append(layer)
        if k < len(WEIGHTS[name]) - 1:
            parts.append({${FLOW_ACTIVATIONS.map((n) => `"${n}": ${TORCH_ACTIVATION[n]}`).join(', ')}}[name]())
    return nn.Sequential(*parts)


# The output's sigmoid is folded into the loss: binary cross-entropy of sigmoid(z) computed from the
# logit z, as the engine also computes it (exact where sigmoid(z) rounds to 0 or 1).
loss_fn = nn.BCEWithLogitsLoss()


def measure(net):
    """The mean loss over all points and each layer's mean |dL/dw| at the current weights."""
    net.zero_grad()
    loss = loss_fn(net(X), Y)
    loss.backward()
    return loss.item(), [layer.weight.grad.abs().mean().item() for layer in net if isinstance(layer, nn.Linear)]


def run(name):
    net = network(name)
    _, start = measure(net)
    optimizer = torch.optim.SGD(net.parameters(), lr=LR)
    losses = []
    # The widget stops a network that diverges, as below: a loss that is not finite, a weight
    # beyond 1e6 (that step is undone) or a loss above 10 times the first one (that step stands).
    # A blow-up magnifies last-digit differences, so after one the numbers agree to about 12 digits.
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = loss_fn(net(X), Y)
        if not math.isfinite(loss.item()):
            break
        loss.backward()
        saved = [p.detach().clone() for p in net.parameters()]
        optimizer.step()
        largest = max(p.detach().abs().max().item() for p in net.parameters())
        if not largest <= 1e6:
            with torch.no_grad():
                for p, before in zip(net.parameters(), saved):
                    p.copy_(before)
            break
        losses.append(loss.item())
        if loss.item() > 10 * max(losses[0], 0.01):
            break
    now, profile = measure(net)
    return losses + [now], profile, start


runs = [run(name) for name in WEIGHTS]
row("quantity", "step_or_layer", *WEIGHTS)
for k in range(max(len(losses) for losses, _, _ in runs)):
    row("loss", k, *[losses[k] if k < len(losses) else "" for losses, _, _ in runs])
for l in range(len(runs[0][1])):
    row("gradient_now", l + 1, *[profile[l] for _, profile, _ in runs])
    row("gradient_step0", l + 1, *[start[l] for _, _, start in runs])
`;
  return { engine, python, pythonKind: 'pytorch' };
}

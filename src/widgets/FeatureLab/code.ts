/**
 * "Show me the code" for the feature lab: logistic regression on x₁, x₂ and the ticked hand-made
 * features, and a 2-H-1 tanh network on x₁, x₂, each trained with full-batch Adam (η = 0.05) for the
 * steps the widget took, as a notebook cell (the engine's lab models) and as a PyTorch program
 * (nn.Linear / nn.Sequential, torch.optim.Adam, the points and the starting weights written out),
 * each printing the widget's CSV.
 */
import { featureLabels, type FeatureKey } from '../../engine/features.ts';
import { LAB_RECIPE, labData, NetworkModel } from '../../engine/feature-lab.ts';
import { featureColumns } from '../../engine/features.ts';
import { chunk, PY_PRECISION_NOTE, PY_PRELUDE, pyInt, pyList, pyMatrix, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import type { FeatureLabState } from './model.svelte.ts';

/** Each feature as a torch expression on the columns x1, x2 of the points. */
const PY_FEATURE: Record<FeatureKey, string> = {
  x1: 'x1',
  x2: 'x2',
  x1sq: 'x1 * x1',
  x2sq: 'x2 * x2',
  x1x2: 'x1 * x2',
  sinx1: 'torch.sin(x1)',
  sinx2: 'torch.sin(x2)',
};

export function featureLabCode(state: FeatureLabState): WidgetCode {
  const { dataset, features, hidden, seed, linearSteps, networkSteps } = state;
  const lr = LAB_RECIPE.optimizer.lr ?? 0.001;
  const columns = featureColumns(features);
  const data = labData(dataset);
  // the network's starting weights: the engine's seeded Xavier draw, read before any step
  const start = new NetworkModel(data, hidden, seed).net;
  const [first, last] = start.layers;
  const p = start.params;
  const w1 = chunk(p.slice(first.weightOffset, first.biasOffset), 2);
  const b1 = Array.from(p.slice(first.biasOffset, first.biasOffset + hidden));
  const w2 = [Array.from(p.slice(last.weightOffset, last.biasOffset))];
  const b2 = Array.from(p.slice(last.biasOffset, last.biasOffset + 1));
  const hand = features.length ? features.map((f) => `'${f}'`).join(', ') : '';

  const engine = `// The feature lab: logistic regression on chosen features beside a 2-${hidden}-1 tanh network,
// both trained on the cross-entropy with full-batch Adam (η = ${lr}).
const data = labData(${strLit(dataset)});   // 200 training and 200 test points
const features = [${hand}];   // hand-made features to add: 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'
const hidden = ${hidden};     // the network's hidden units
const seed = ${seed};       // seed of the network's starting weights
const linearSteps = ${linearSteps};
const networkSteps = ${networkSteps};

// ŷ = σ(b + Σ wₖ·fₖ(x₁, x₂)), all weights starting at 0
const linear = new LinearFeatureModel(data, features);
linear.advance(linearSteps);
// ŷ = σ(W⁽²⁾ tanh(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾), Xavier weights from the seed
const network = new NetworkModel(data, hidden, seed);
network.advance(networkSteps);

// What each model learned and how well it does: the same lines as the widget's "Download data"
const lines = ['model,quantity,value'];
for (const w of linear.weights) lines.push(\`linear,weight \${w.label},\${w.weight}\`);
lines.push(\`linear,bias,\${linear.bias}\`);
for (const [name, model] of [['linear', linear], ['network', network]]) {
  const { train, test } = model.score();
  lines.push(\`\${name},steps,\${model.step}\`, \`\${name},train loss,\${train.loss}\`, \`\${name},train accuracy,\${train.accuracy}\`);
  lines.push(\`\${name},test loss,\${test.loss}\`, \`\${name},test accuracy,\${test.accuracy}\`);
}
for (let u = 0; u < hidden; u++) {
  const { w1, w2, b, out } = network.unit(u);
  lines.push(\`network,unit a\${u + 1} weight on x1,\${w1}\`, \`network,unit a\${u + 1} weight on x2,\${w2}\`);
  lines.push(\`network,unit a\${u + 1} bias,\${b}\`, \`network,unit a\${u + 1} weight in the output,\${out}\`);
}
print(lines.join('\\n'));
`;

  const label = (k: FeatureKey) => featureLabels[k];
  const python = `"""The feature lab on the ${dataset} points: logistic regression on ${columns.map(label).join(', ')}
(${linearSteps} steps) and a 2-${hidden}-1 tanh network on x₁, x₂ (${networkSteps} steps), both trained on the
binary cross-entropy with full-batch Adam at lr = ${lr}, from the widget's starting weights.
Prints what each model learned and how well it does as CSV, the same lines as the widget's
"Download data"."""
${PY_PRELUDE}
import torch
from torch import nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}
# The widget's models end in a sigmoid and it scores them with the cross-entropy computed from the
# logit z, softplus(z) - y·z, which is torch's binary_cross_entropy_with_logits: so the models here
# output z, and the probability is torch.sigmoid(z). (The widget would also stop a run whose loss
# grew tenfold or whose weights passed 10⁶; Adam at this rate on these points does neither.)
# Adam keeps stepping at about lr near a minimum (it divides each step by the gradient's running
# size), and there the gradient is a sum of nearly cancelling terms whose last digits depend on the
# order they are added in, which differs between torch and the engine. Those digits then steer the
# steps, so a long run can drift from the widget's by more than rounding: measured from 1e-15 up to
# about 1e-5 of a value, depending on the points and the features.

LR = ${pyNum(lr)}
LINEAR_STEPS = ${pyInt(linearSteps)}
NETWORK_STEPS = ${pyInt(networkSteps)}

# The ${dataset} points (x₁, x₂) and their classes, as the widget draws them (seed 1)
X_TRAIN = torch.tensor(${pyMatrix(data.train.x)})
Y_TRAIN = torch.tensor(${pyList(data.train.labels, 25)})
X_TEST = torch.tensor(${pyMatrix(data.test.x)})
Y_TEST = torch.tensor(${pyList(data.test.labels, 25)})

FEATURES = [${columns.map((k) => strLit(label(k))).join(', ')}]


def lift(x):
    """Each point's features, one column per entry of FEATURES."""
    x1, x2 = x[:, 0], x[:, 1]
    return torch.stack([${columns.map((k) => PY_FEATURE[k]).join(', ')}], dim=1)


# Logistic regression: z = b + Σ wₖ·fₖ, every weight starting at 0
linear = nn.Linear(${columns.length}, 1)
with torch.no_grad():
    linear.weight.zero_()
    linear.bias.zero_()

# The network 2-${hidden}-1: a = tanh(W⁽¹⁾x + b⁽¹⁾), z = W⁽²⁾a + b⁽²⁾, with the widget's starting weights (seed ${seed})
network = nn.Sequential(nn.Linear(2, ${hidden}), nn.Tanh(), nn.Linear(${hidden}, 1))
with torch.no_grad():
    network[0].weight.copy_(torch.tensor(${pyMatrix(w1, '        ')}))
    network[0].bias.copy_(torch.tensor(${pyList(b1, 4, '        ')}))
    network[2].weight.copy_(torch.tensor(${pyMatrix(w2, '        ')}))
    network[2].bias.copy_(torch.tensor(${pyList(b2, 4, '        ')}))


def train(model, x, steps):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(x).squeeze(1), Y_TRAIN)
        loss.backward()
        optimizer.step()


def score(model, x, y):
    """Mean cross-entropy and the share of points on the right side of ŷ = 0.5."""
    with torch.no_grad():
        z = model(x).squeeze(1)
        loss = F.binary_cross_entropy_with_logits(z, y).item()
        accuracy = ((torch.sigmoid(z) >= 0.5) == (y >= 0.5)).double().mean().item()
    return loss, accuracy


train(linear, lift(X_TRAIN), LINEAR_STEPS)
train(network, X_TRAIN, NETWORK_STEPS)

row("model", "quantity", "value")
for name, w in zip(FEATURES, linear.weight[0].tolist()):
    row("linear", "weight " + name, w)
row("linear", "bias", linear.bias.item())
for name, model, x_train, x_test, steps in [
    ("linear", linear, lift(X_TRAIN), lift(X_TEST), LINEAR_STEPS),
    ("network", network, X_TRAIN, X_TEST, NETWORK_STEPS),
]:
    train_loss, train_accuracy = score(model, x_train, Y_TRAIN)
    test_loss, test_accuracy = score(model, x_test, Y_TEST)
    row(name, "steps", steps)
    row(name, "train loss", train_loss)
    row(name, "train accuracy", train_accuracy)
    row(name, "test loss", test_loss)
    row(name, "test accuracy", test_accuracy)
for u in range(${hidden}):
    row("network", f"unit a{u + 1} weight on x1", network[0].weight[u, 0].item())
    row("network", f"unit a{u + 1} weight on x2", network[0].weight[u, 1].item())
    row("network", f"unit a{u + 1} bias", network[0].bias[u].item())
    row("network", f"unit a{u + 1} weight in the output", network[2].weight[0, u].item())
`;
  return { engine, python, pythonKind: 'pytorch' };
}

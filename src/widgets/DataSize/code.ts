/**
 * "Show me the code" for data size: the linear model on hand-made features and the 2-8-1 network
 * on raw inputs, each trained on 8 to 1024 points of a dataset (5 samples a size) with full-batch
 * Adam, and their accuracy on 2000 fresh points; as a notebook cell (the engine's lab models) and
 * as a PyTorch program (nn.Linear, torch.optim.Adam), each printing the widget's CSV.
 */
import { createMLP } from '../../engine/mlp.ts';
import { DATA_SIZE_DEFAULTS, TEST_SEED } from '../../engine/data-size.ts';
import { LAB_RECIPE } from '../../engine/feature-lab.ts';
import { chunk, PY_PRECISION_NOTE, PY_PRELUDE, PY_RANDOM, pyInt, pyList, pyMatrix, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import type { DataSizeState } from './model.svelte.ts';

export function dataSizeCode(state: DataSizeState): WidgetCode {
  const { dataset } = state;
  const { sizes, repeats, testSize, hand, hidden, steps } = DATA_SIZE_DEFAULTS;
  const lr = (LAB_RECIPE.optimizer as { lr: number }).lr;
  const engine = `// Data size on ${dataset}: ${2 * sizes.length * repeats} trainings of ${steps} steps. It takes a while (about 20 s).
const name = ${strLit(dataset)};
const sizes = [${sizes.join(', ')}]; // training points
const repeats = ${repeats};    // samples per size; repeat r draws its points, and the network's weights, with seed r
const testSize = ${testSize}; // fresh points the accuracy is measured on
const hand = [${hand.map(strLit).join(', ')}]; // the linear model's features beside x₁, x₂
const hidden = ${hidden};     // the network's hidden units
const steps = ${steps};    // full-batch Adam at η = ${lr}, the lab's recipe

const test = dataset(name, { n: testSize, seed: ${TEST_SEED} }).train;
const testFeatures = featureRows(test.x, featureColumns(hand));
// one sample of the largest size per repeat; each smaller training set is its first points
const samples = Array.from({ length: repeats }, (_, r) => dataset(name, { n: sizes.at(-1), seed: r + 1 }).train);
const accuracy = (model, x) => model.net.evaluate(x, test.y, 'bce').accuracy;

// The same lines as the widget's "Download data": each run's test accuracy
const lines = ['size,repeat,linear,network'];
for (const size of sizes) {
  for (let repeat = 1; repeat <= repeats; repeat++) {
    const sample = samples[repeat - 1];
    const train = { x: sample.x.slice(0, size), y: sample.y.slice(0, size) };
    const linear = new LinearFeatureModel({ train }, hand, steps); // logistic regression from zero weights
    const network = new NetworkModel({ train }, hidden, repeat, steps); // 2-${hidden}-1, tanh, Glorot weights of seed repeat
    linear.advance();
    network.advance();
    lines.push([size, repeat, accuracy(linear, testFeatures), accuracy(network, test.x)].join(','));
  }
}
print(lines.join('\\n'));

const mean = (column) => sizes.map((size) => lines.slice(1).filter((l) => l.startsWith(size + ',')).reduce((s, l) => s + Number(l.split(',')[column]), 0) / repeats);
plot([
  { label: 'linear model, hand-made features', x: sizes, y: mean(2) },
  { label: 'network, raw inputs', x: sizes, y: mean(3) },
], { title: 'Test accuracy against training points', xLabel: 'training points', yLabel: 'accuracy' });
`;

  const starts = Array.from({ length: repeats }, (_, r) => {
    const net = createMLP({ sizes: [2, hidden, 1], hidden: 'tanh', output: 'sigmoid', seed: r + 1 });
    const [first, last] = net.layers;
    const w1 = chunk(net.params.subarray(first.weightOffset, first.weightOffset + 2 * hidden), 2);
    const w2 = Array.from(net.params.subarray(last.weightOffset, last.weightOffset + hidden));
    return `    # seed ${r + 1}\n    (\n        ${pyMatrix(w1, '            ')},\n        ${pyList(w2, 4, '            ')},\n    ),`;
  }).join('\n');

  const python = `"""Data size on ${dataset}: a linear model on hand-made features (logistic regression on x1, x2, x1², x2²,
x1·x2, sin x1, sin x2) and a 2-${hidden}-1 tanh network on the raw inputs, each trained on ${sizes.join(', ')}
points (${repeats} samples a size) with full-batch Adam (lr ${lr}, ${steps} steps) on binary cross-entropy, and each
run's accuracy on ${testSize} fresh points. Prints one CSV line a run: the same lines as the widget's
"Download data". ${2 * sizes.length * repeats} trainings: this takes a few minutes.

The data is not written out (${repeats} × ${sizes.at(-1)} training points and ${testSize} test points): it is made here by the
engine's own recipe, the same seeded generator (mulberry32) drawing the same points in the same
order. Python's sin, cos and sqrt may round a last digit differently from the browser's."""
${PY_PRELUDE}
import torch
from torch import nn

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}

NAME = ${strLit(dataset)}
SIZES = [${sizes.join(', ')}]
REPEATS = ${pyInt(repeats)}
TEST_SIZE = ${pyInt(testSize)}
TEST_SEED = ${pyInt(TEST_SEED)}
STEPS = ${pyInt(steps)}
LR = ${pyNum(lr)}


${PY_RANDOM.trim()}


def uniform(random, lo, hi):
    return lo + (hi - lo) * random()


def circle(i, random):
    """Class 1 inside radius 0.5, class 0 on a ring from radius 0.7 to 1."""
    label = i % 2
    r = uniform(random, 0, 0.5) if label else uniform(random, 0.7, 1)
    angle = uniform(random, 0, 2 * math.pi)
    return r * math.cos(angle), r * math.sin(angle), label


def quadrants(i, random):
    """Uniform in [-1, 1]², class 1 where x1 and x2 have the same sign."""
    label = i % 2
    x = uniform(random, -1, 1)
    side = (1.0 if x > 0 else -1.0) if x != 0 else 1.0
    y = uniform(random, 0, 1) * (side if label == 1 else -side)
    return x, y, label


def petals(i, random):
    """Uniform over the unit disk, class 1 inside the curve r = 0.7 + 0.2 cos 3θ."""
    label = i % 2
    while True:
        r = math.sqrt(uniform(random, 0, 1))
        angle = uniform(random, 0, 2 * math.pi)
        if (1 if r < 0.7 + 0.2 * math.cos(3 * angle) else 0) == label:
            return r * math.cos(angle), r * math.sin(angle), label


def make(name, n, seed):
    """n points of the dataset, shuffled, as the engine makes them: (x1, x2) rows and labels."""
    random = seeded(seed)
    points = [{"circle": circle, "quadrants": quadrants, "petals": petals}[name](i, random) for i in range(n)]
    order = shuffle(seeded(seed ^ 0x27D4EB2F), list(range(n)))  # the engine's permutation
    return [points[k][:2] for k in order], [float(points[k][2]) for k in order]


def features(x):
    """x1, x2 and the five hand-made features, one row per point."""
    return [[a, b, a * a, b * b, a * b, math.sin(a), math.sin(b)] for a, b in x]


# The network's starting weights for each seed (Glorot uniform; every bias starts at 0):
# the hidden layer's ${hidden} × 2 matrix and the output's ${hidden} weights
STARTS = [
${starts}
]


def linear_model():
    """Logistic regression: one nn.Linear on the 7 features, from zero weights."""
    model = nn.Linear(7, 1)
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    return model


def network(seed):
    """2-${hidden}-1 with tanh hidden units, the starting weights of \`seed\`."""
    hidden_weights, output_weights = STARTS[seed - 1]
    model = nn.Sequential(nn.Linear(2, ${hidden}), nn.Tanh(), nn.Linear(${hidden}, 1))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor(hidden_weights))
        model[2].weight.copy_(torch.tensor([output_weights]))
        model[0].bias.zero_()
        model[2].bias.zero_()
    return model


# The linear model's accuracies match the widget's exactly. The network's weights after 1000 Adam
# steps agree to fewer digits, so a test point right at the 0.5 line can fall on the other side:
# an accuracy may differ from the widget's by a few points in 2000.
# Both models end in a sigmoid, folded into the loss: binary cross-entropy computed from the logit,
# as the engine also computes it for a sigmoid output.
loss_fn = nn.BCEWithLogitsLoss()


def trained_accuracy(model, x, y, test_x, test_y):
    """STEPS steps of full-batch Adam, then the share of test points on the right side of 0.5."""
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()
    with torch.no_grad():
        right = ((torch.sigmoid(model(test_x)) >= 0.5) == (test_y >= 0.5)).sum().item()
    return right / len(test_y)


def main():
    test_points, test_labels = make(NAME, TEST_SIZE, TEST_SEED)
    test_x, test_y = torch.tensor(test_points), torch.tensor(test_labels).reshape(-1, 1)
    test_features = torch.tensor(features(test_points))
    # one sample of the largest size per repeat; each smaller training set is its first points
    samples = [make(NAME, SIZES[-1], seed) for seed in range(1, REPEATS + 1)]
    row("size", "repeat", "linear", "network")
    for size in SIZES:
        for seed in range(1, REPEATS + 1):
            points, labels = samples[seed - 1]
            x, y = torch.tensor(points[:size]), torch.tensor(labels[:size]).reshape(-1, 1)
            linear = trained_accuracy(linear_model(), torch.tensor(features(points[:size])), y, test_features, test_y)
            net = trained_accuracy(network(seed), x, y, test_x, test_y)
            row(size, seed, linear, net)


if __name__ == "__main__":
    main()
`;
  // 80 trainings take about 20 s in the kernel: the cell gets two minutes, not the default 5 s.
  return { engine, python, pythonKind: 'pytorch', timeLimitMs: 120_000 };
}

/**
 * "Show me the code" for the network playground: the run a share link carries (the data, the
 * network, its seeded starting weights, and every stretch of training up to the epochs trained),
 * as a notebook cell and as a PyTorch program (nn.Sequential, torch.optim), each printing the
 * widget's "Download data" line for line.
 */
import { createMLP } from '../../engine/mlp.ts';
import { jsList, jsNum, PY_PRECISION_NOTE, PY_PRELUDE, PY_RANDOM, pyInt, pyList, pyMatrix, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import { baseData, layerSizes, parameterCount, streamSeeds } from './problem.ts';
import { classCount, type PlaygroundState } from './settings.ts';
import { CURVE_CAP } from './session.ts';

const HEADER = 'epoch,train_loss,valid_loss,test_loss';

/** One stretch of training: up to epoch `until`, with these settings, on the first `added` added points. */
interface Stretch {
  until: number;
  optimizer: string;
  lr: number;
  batchSize: number;
  loss: string;
  added: number;
}

/** The stretches a state trains: its earlier legs, then its own settings up to `epochs`. */
function stretchesOf(s: PlaygroundState): Stretch[] {
  const earlier = s.legs.map(([until, lr, optimizer, batchSize, loss, added]) => ({ until, optimizer, lr, batchSize, loss, added }));
  return [...earlier, { until: s.epochs, optimizer: s.optimizer, lr: s.lr, batchSize: s.batchSize, loss: s.loss, added: s.added.length }];
}

/** The comment line the widget's CSV ends with (its settings). */
function settingsLine(s: PlaygroundState): string {
  const sizes = layerSizes(s);
  return (
    `# ${sizes.join('-')} (${parameterCount(sizes)} parameters, ${s.init} init) ${s.activation} on ${s.dataset} (noise ${s.noise}, ${s.points} points, ` +
    `validation share ${s.validFraction}, test share ${s.testFraction}), ${s.optimizer} lr ${s.lr}, batch ${s.batchSize || 'all'}, loss ${s.loss}, seed ${s.seed}`
  );
}

const TORCH_ACTIVATION: Record<string, string> = {
  tanh: 'nn.Tanh()',
  relu: 'nn.ReLU()',
  sigmoid: 'nn.Sigmoid()',
  leaky_relu: 'nn.LeakyReLU(0.01)',
  elu: 'nn.ELU()',
  gelu: 'nn.GELU()',
  softplus: 'nn.Softplus()',
  linear: 'nn.Identity()',
};

const TORCH_OPTIMIZER = `def make_optimizer(kind, lr):
    """The engine's optimizers are torch.optim's, with torch's defaults ('momentum' and 'nesterov' use 0.9)."""
    params = model.parameters()
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if kind == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if kind == "nesterov":
        return torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True)
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=lr)
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr)
    return torch.optim.Adam(params, lr=lr)`;

export function playgroundCode(state: PlaygroundState): WidgetCode {
  const s = state;
  const classes = classCount(s.dataset);
  const sizes = layerSizes(s);
  const output = classes === 3 ? 'softmax' : 'sigmoid';
  const seeds = streamSeeds(s.seed);
  const stretches = stretchesOf(s);
  const comment = settingsLine(s);
  const arch = sizes.join('-');

  const jsStretches = stretches
    .map((l) => `  { until: ${l.until}, optimizer: ${strLit(l.optimizer)}, lr: ${jsNum(l.lr)}, batchSize: ${l.batchSize}, loss: ${strLit(l.loss)}, added: ${l.added} },`)
    .join('\n');
  const jsAdded = s.added.length === 0 ? '[]' : `[\n${s.added.map((p) => `  ${jsList(p)},`).join('\n')}\n]`;

  const engine = `// The network playground's run: a ${arch} network (${s.activation}) on the ${s.dataset} data, seed ${s.seed}, ${s.epochs} epochs.
// It prints the widget's "Download data": the loss per epoch on each set, then the settings.
const seed = ${s.seed};
const data = { name: ${strLit(s.dataset)}, points: ${s.points}, noise: ${jsNum(s.noise)}, testFraction: ${jsNum(s.testFraction)}, validFraction: ${jsNum(s.validFraction)} };
const layers = ${jsList(s.layers)}; // hidden units per layer
const activation = ${strLit(s.activation)};
const init = ${strLit(s.init)};
// Points added by clicking on the map: [x₁, x₂, class]
const added = ${jsAdded};
// Training, stretch by stretch: each runs up to epoch \`until\` (several when settings changed during the run);
// batchSize 0 is the whole training set; \`added\` is how many added points it trained on.
const stretches = [
${jsStretches}
];

// One seed, three streams of random numbers: the data, the starting weights, the mini-batch order
const s = seedOf(seed);
const seeds = { data: s, weights: (s ^ 0x9e3779b9) >>> 0, batches: (s ^ 0x85ebca6b) >>> 0 };

// The data: the engine's train/test split, then the last points of train set aside for validation
const all = dataset(data.name, { n: data.points, noise: data.noise, testFraction: data.testFraction, seed: seeds.data });
const keep = Math.max(1, all.train.x.length - Math.round(data.points * data.validFraction));
const valid = { x: all.train.x.slice(keep), y: all.train.y.slice(keep) };
const test = all.test;
const target = (c) => ${classes === 2 ? '[c]' : '[0, 1, 2].map((k) => (k === c ? 1 : 0))'};
const trainRows = (n) => ({
  x: [...all.train.x.slice(0, keep), ...added.slice(0, n).map((p) => [p[0], p[1]])],
  y: [...all.train.y.slice(0, keep), ...added.slice(0, n).map((p) => target(p[2]))],
});

// The network: 2 inputs, the hidden layers, ${classes === 3 ? '3 outputs through softmax' : 'one output through σ'}
const net = createMLP({ sizes: [2, ...layers, ${sizes[sizes.length - 1]}], hidden: activation, output: ${strLit(output)}, init, seed: seeds.weights });

// Every loss on the curve is measured on the whole set, with the weights after the epoch
const rows = [];
let train = trainRows(stretches[0].added);
let loss = stretches[0].loss;
const measure = (set) => (set.x.length > 0 ? net.evaluate(set.x, set.y, loss).loss : '');
const record = (epoch) => rows.push([epoch, measure(train), measure(valid), measure(test)]);
record(0);

// Each stretch (and each restart after the run converged) gets a fresh optimizer and batch order
let epoch = 0;
let stopAtLoss = 1e-4; // the trainer stops as converged once an epoch's mean batch loss falls below this
let diverged = false;
for (const leg of stretches) {
  train = trainRows(leg.added);
  loss = leg.loss;
  let converged = false;
  while (epoch < leg.until && !diverged) {
    if (converged) stopAtLoss = 0; // training on past convergence: no more stopping
    const trainer = createTrainer({
      net, data: { train }, optimizer: { kind: leg.optimizer, lr: leg.lr }, loss,
      batchSize: leg.batchSize > 0 ? leg.batchSize : undefined, seed: seeds.batches, stopAtLoss,
      onEpoch: () => record(++epoch),
    });
    while (epoch < leg.until && (trainer.status === 'ready' || trainer.status === 'training')) trainer.run(trainer.stepsPerEpoch);
    diverged = trainer.status === 'diverged';
    converged = trainer.status === 'converged';
  }
  if (diverged) break;
}

// The widget keeps at most ${CURVE_CAP} rows: every epoch at first, then every 2nd, 4th, … and always the last
let stride = 1;
while (epoch >= ${CURVE_CAP - 1} * stride) stride *= 2;
const lines = ['${HEADER}'];
for (const r of rows) if (r[0] % stride === 0 || r[0] === epoch) lines.push(r.join(','));
lines.push('', ${strLit(comment)});
print(lines.join('\\n'));

plot([
  { label: 'training loss', x: rows.map((r) => r[0]), y: rows.map((r) => r[1]) },
  { label: 'test loss', x: rows.map((r) => r[0]), y: rows.map((r) => r[3]) },
], { title: 'Loss per epoch', xLabel: 'epoch', yLabel: 'loss', logY: true });
`;

  // ---- the PyTorch program ----
  const net = createMLP({ sizes, hidden: s.activation, output, init: s.init, seed: seeds.weights });
  const data = baseData(s);
  const linears = net.layers.map((l) => `nn.Linear(${l.inputs}, ${l.outputs})`);
  const seq = linears.flatMap((lin, i) => (i < linears.length - 1 ? [lin, TORCH_ACTIVATION[s.activation]] : [lin]));
  const starts = net.layers
    .map((l, i) => {
      const w = Array.from({ length: l.outputs }, (_, j) => Array.from(net.params.subarray(l.weightOffset + j * l.inputs, l.weightOffset + (j + 1) * l.inputs)));
      const b = net.params.subarray(l.biasOffset, l.biasOffset + l.outputs);
      return `    model[${2 * i}].weight.copy_(torch.tensor(${pyMatrix(w, '        ')}))\n    model[${2 * i}].bias.copy_(torch.tensor(${pyList(b, 6, '        ')}))`;
    })
    .join('\n');
  const pyRows = (x: number[][]) => (x.length === 0 ? '[]' : pyMatrix(x));
  const pyLabels = (labels: readonly number[]) => `[${labels.join(', ')}]`;
  const pyStretches = stretches
    .map((l) => `    (${pyInt(l.until)}, ${strLit(l.optimizer)}, ${pyNum(l.lr)}, ${pyInt(l.batchSize)}, ${strLit(l.loss)}, ${pyInt(l.added)}),`)
    .join('\n');
  const outputNote =
    classes === 3
      ? `# The engine's network ends in softmax; here the last layer gives the logits z and the loss applies
# softmax: cross-entropy is F.cross_entropy(z, one-hot targets) (the same as the engine's Σ t·(logsumexp(z) − z)),
# mean squared error is F.mse_loss(softmax(z), one-hot targets).`
      : `# The engine's network ends in σ; here the last layer gives the logit z and the loss applies σ:
# binary cross-entropy is F.binary_cross_entropy_with_logits(z, y) (the engine computes the same
# softplus(z) − y·z), mean squared error is F.mse_loss(σ(z), y).`;
  const lossBody =
    classes === 3
      ? `    if name == "cross_entropy":
        return F.cross_entropy(z, y)
    return F.mse_loss(torch.softmax(z, dim=1), y)`
      : `    if name == "bce":
        return F.binary_cross_entropy_with_logits(z, y)
    return F.mse_loss(torch.sigmoid(z), y)`;
  const targetFn = classes === 3 ? 'F.one_hot(torch.tensor(labels, dtype=torch.long), 3).to(torch.float64)' : 'torch.tensor(labels, dtype=torch.float64).reshape(-1, 1)';
  const activationNote =
    s.activation === 'softplus'
      ? '\n# nn.Softplus returns z itself once z > 20 (its threshold); the engine always computes softplus(z)\n# exactly, so the two differ there by at most e^-20 ≈ 2e-9.'
      : s.activation === 'gelu'
        ? "\n# nn.GELU is the exact z·Φ(z) (with erf), as the engine's 'gelu' is."
        : '';

  const python = `"""The network playground's run with PyTorch: a ${arch} network (${s.activation} hidden units) on the
${s.dataset} data (seed ${s.seed}), from the widget's starting weights, ${s.epochs === 0 ? 'before any training (epoch 0)' : `trained for ${s.epochs} epochs as the widget
trained it`}. Prints the loss per epoch as CSV, the same lines as the widget's "Download data"."""
${PY_PRELUDE}
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}

# The data, written out as the engine made it (seed ${s.seed}): inputs [x₁, x₂] and class labels.
train_x = ${pyRows(data.train.x)}
train_labels = ${pyLabels(data.train.labels)}
valid_x = ${pyRows(data.valid.x)}
valid_labels = ${pyLabels(data.valid.labels)}
test_x = ${pyRows(data.test.x)}
test_labels = ${pyLabels(data.test.labels)}
# Points added by clicking on the map: [x₁, x₂, class]
added = ${s.added.length === 0 ? '[]' : pyMatrix(s.added.map((p) => [p[0], p[1]]))}
added_labels = ${pyLabels(s.added.map((p) => p[2]))}


def targets(labels):
    return ${targetFn}


def rows(xs, labels):
    return torch.tensor(xs).reshape(-1, 2), targets(labels)


valid = rows(valid_x, valid_labels)
test = rows(test_x, test_labels)


def train_rows(n_added):
    """The training points, then the first n_added added points."""
    return rows(train_x + added[:n_added], train_labels + added_labels[:n_added])


# The network, with the widget's starting weights (${s.init} initialisation, seed ${s.seed}) written out.
model = nn.Sequential(
${seq.map((m) => `    ${m},`).join('\n')}
)
with torch.no_grad():
${starts}
${outputNote}${activationNote}


def loss_of(name, z, y):
${lossBody}


def measure(name, data):
    """The mean loss on a whole set, with the current weights ("" for an empty set)."""
    if len(data[0]) == 0:
        return ""
    with torch.no_grad():
        return loss_of(name, model(data[0]), data[1]).item()


${TORCH_OPTIMIZER}


# The engine's seeded generator and shuffle, for the same mini-batch order in every epoch
${PY_RANDOM.trim()}


# Training, stretch by stretch: (up to epoch, optimizer, learning rate, batch size (0: all), loss, added points used)
stretches = [
${pyStretches}
]
batch_seed = ${pyInt(seeds.batches)}  # the mini-batch stream of seed ${s.seed}

history = []
train = train_rows(stretches[0][5])
loss_name = stretches[0][4]
history.append((0, measure(loss_name, train), measure(loss_name, valid), measure(loss_name, test)))
epoch = 0
stop_at_loss = 1e-4  # the engine stops as converged when an epoch's mean batch loss falls below this
diverged = False


def run(until, kind, lr, batch_size, train):
    """One trainer: a fresh optimizer and batch order, whole epochs until \`until\` or a stop.
    Returns whether it stopped as converged."""
    global epoch, diverged
    x, y = train
    n = len(x)
    size = batch_size if 0 < batch_size < n else n
    optimizer = make_optimizer(kind, lr)
    random = seeded(batch_seed)
    order = list(range(n))
    with torch.no_grad():
        initial = loss_of(loss_name, model(x), y).item()
    while epoch < until:
        if size < n:
            shuffle(random, order)
        total = 0.0
        for start in range(0, n, size):
            batch = order[start:start + size]
            optimizer.zero_grad()
            batch_loss = loss_of(loss_name, model(x[batch]), y[batch])
            if not math.isfinite(batch_loss.item()):
                diverged = True  # the engine stops on a loss that is not a number
                return False
            batch_loss.backward()
            before = [p.detach().clone() for p in model.parameters()]
            optimizer.step()
            if max(p.abs().max().item() for p in model.parameters()) > 1e6:
                with torch.no_grad():  # the engine stops on a weight past 10⁶, keeping the weights before the step
                    for p, b in zip(model.parameters(), before):
                        p.copy_(b)
                diverged = True
                return False
            total += batch_loss.item() * len(batch)
        epoch += 1
        mean = total / n
        history.append((epoch, measure(loss_name, train), measure(loss_name, valid), measure(loss_name, test)))
        if mean < stop_at_loss:
            return True
        if mean > 10 * max(initial, 0.01):
            diverged = True  # the engine stops when the loss grew tenfold
            return False
    return False


for until, kind, lr, batch_size, name, n_added in stretches:
    train = train_rows(n_added)
    loss_name = name
    converged = False
    while epoch < until and not diverged:
        if converged:
            stop_at_loss = 0.0  # training on past convergence: the engine stops no more
        converged = run(until, kind, lr, batch_size, train)
    if diverged:
        break

# The widget keeps at most ${CURVE_CAP} rows: every epoch at first, then every 2nd, 4th, … and always the last.
stride = 1
while epoch >= ${CURVE_CAP - 1} * stride:
    stride *= 2
row(${HEADER.split(',').map((h) => `"${h}"`).join(', ')})
for e, train_loss, valid_loss, test_loss in history:
    if e % stride == 0 or e == epoch:
        row(e, train_loss, valid_loss, test_loss)
print()
print(${strLit(comment)})
`;
  return { engine, python, pythonKind: 'pytorch' };
}

/**
 * "Show me the code" for the batch-size experiment: the same 2-8-1 network trained by plain SGD with
 * batches of 1, 16 and all 200 points for the epochs the widget trained, as a notebook cell
 * (createTrainer) and as a PyTorch program (nn.Sequential, torch.optim.SGD, the points, the starting
 * weights and the engine's shuffling written out), each printing the widget's CSV without its
 * timing column.
 */
import { createMLP } from '../../engine/mlp.ts';
import { batchData } from '../../engine/batch-size.ts';
import { chunk, jsNum, PY_PRECISION_NOTE, PY_PRELUDE, PY_RANDOM, pyInt, pyList, pyMatrix, pyNum, type WidgetCode } from '../../lib/widget-code.ts';
import type { BatchState } from './model.svelte.ts';

const HEADER = 'batch,epoch,steps,loss';

export function batchSizeCode(state: BatchState): WidgetCode {
  const { lr, trained } = state;
  const data = batchData();
  const net = createMLP({ sizes: [2, 8, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
  const [first, last] = net.layers;
  const p = net.params;
  const w1 = chunk(p.slice(first.weightOffset, first.biasOffset), 2);
  const b1 = Array.from(p.slice(first.biasOffset, first.biasOffset + first.outputs));
  const w2 = [Array.from(p.slice(last.weightOffset, last.biasOffset))];
  const b2 = Array.from(p.slice(last.biasOffset, last.biasOffset + 1));

  const engine = `// Batch size: one 2-8-1 network trained by plain SGD (η = ${lr}) with batches of 1, 16 and all
// 200 points, ${trained} epochs each, from the same starting weights.
const lr = ${jsNum(lr)};
const epochs = ${trained};
const data = dataset('circle', { n: 200, noise: 0.1, seed: 1 });

// The loss on all 200 points after each epoch, measured the same way for every batch size: the
// same lines as the widget's "Download data" without its last column (ms, the time each run took).
const lines = ['${HEADER}'];
for (const [label, batchSize] of [['1', 1], ['16', 16], ['full', 200]]) {
  const trainer = createTrainer({
    net: createMLP({ sizes: [2, 8, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 }),
    data: { train: data.train },
    optimizer: { kind: 'sgd', lr },
    loss: 'bce',
    batchSize,
    seed: 1,            // the order of the points, shuffled again every epoch
    stopAtLoss: 0,      // never stop early
    maxLossGrowth: Infinity,
  });
  const fullLoss = () => trainer.net.evaluate(data.train.x, data.train.y, 'bce').loss;
  lines.push([label, 0, 0, fullLoss()].join(','));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    trainer.run(trainer.stepsPerEpoch);   // one pass over the data: 200, 13 or 1 steps
    lines.push([label, epoch, trainer.stepsPerEpoch * epoch, fullLoss()].join(','));
  }
}
print(lines.join('\\n'));
`;

  const python = `"""Batch size: a 2-8-1 tanh network with a sigmoid output, trained on the binary cross-entropy by
plain SGD at lr = ${lr} with batches of 1, 16 and all 200 points, ${trained} epochs each, from the
widget's starting weights. Prints the loss on all 200 points after each epoch as CSV, the same lines
as the widget's "Download data" without its last column (ms, the time each run took)."""
${PY_PRELUDE}${PY_RANDOM}
import torch
from torch import nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}
# The widget's network ends in a sigmoid and its loss is the cross-entropy computed from the logit z,
# softplus(z) - y·z, which is torch's binary_cross_entropy_with_logits: so the network here outputs z.
# The order of the points in each epoch is the engine's: seeded(1), shuffled in place every epoch.
# With large steps on single points SGD is chaotic: the last-digit differences grow a little every
# step, so at lr = 1 with batch 1 the losses here part from the widget's after a few epochs (they
# agree to about 1e-9 after 3 epochs, and to about 1e-6 over 60 epochs at lr = 0.3).

LR = ${pyNum(lr)}
EPOCHS = ${pyInt(trained)}

# The 200 circle points (x₁, x₂), noise 0.1, seed 1, and their classes
X = torch.tensor(${pyMatrix(data.train.x)})
Y = torch.tensor(${pyList(data.train.labels, 25)})

W1 = ${pyMatrix(w1)}
B1 = ${pyList(b1, 4)}
W2 = ${pyMatrix(w2)}
B2 = ${pyList(b2, 4)}


def network():
    """The 2-8-1 network with the widget's starting weights (the engine's Xavier draw, seed 1)."""
    net = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
    with torch.no_grad():
        net[0].weight.copy_(torch.tensor(W1))
        net[0].bias.copy_(torch.tensor(B1))
        net[2].weight.copy_(torch.tensor(W2))
        net[2].bias.copy_(torch.tensor(B2))
    return net


def full_loss(net):
    with torch.no_grad():
        return F.binary_cross_entropy_with_logits(net(X).squeeze(1), Y).item()


row(${HEADER.split(',').map((h) => `"${h}"`).join(', ')})
for label, batch_size in [("1", 1), ("16", 16), ("full", 200)]:
    net = network()
    optimizer = torch.optim.SGD(net.parameters(), lr=LR)
    random = seeded(1)
    order = list(range(200))
    steps_per_epoch = math.ceil(200 / batch_size)
    row(label, 0, 0, full_loss(net))
    for epoch in range(1, EPOCHS + 1):
        if batch_size < 200:
            shuffle(random, order)
        for start in range(0, 200, batch_size):
            rows = order[start:start + batch_size]  # the last batch of 16 has 8 points
            optimizer.zero_grad()
            loss = F.binary_cross_entropy_with_logits(net(X[rows]).squeeze(1), Y[rows])
            loss.backward()
            optimizer.step()
        row(label, epoch, steps_per_epoch * epoch, full_loss(net))
`;
  return { engine, python, pythonKind: 'pytorch' };
}

/**
 * The batch-size experiment: one network, one data set, trained by SGD with batches of 1, 16 or
 * all the data, each run recording the loss on the whole training set after every epoch (measured
 * the same way for every batch size), and how noisy a mini-batch gradient is around the full one.
 */
import { checkPositiveInteger } from './check.ts';
import { dataset, type Dataset } from './datasets.ts';
import { createMLP, type MLP } from './mlp.ts';
import { seeded, integer } from './random.ts';
import { createTrainer, type Trainer } from './train.ts';

/** The batch sizes compared; 'full' is the whole training set. */
export const batchChoices = [1, 16, 'full'] as const;

/** One of `batchChoices`. */
export type BatchChoice = (typeof batchChoices)[number];

/** The experiment's data: 200 points of the circle data set (noise 0.1, seed 1). */
export function batchData(): Dataset {
  return dataset('circle', { n: 200, noise: 0.1, seed: 1 });
}

/** The experiment's network: 2-8-1, tanh hidden units, a sigmoid output, Glorot weights from `seed`. */
export function batchNet(seed = 1): MLP {
  return createMLP({ sizes: [2, 8, 1], hidden: 'tanh', output: 'sigmoid', seed });
}

/** A trainer for one batch size: plain SGD at `lr`, binary cross-entropy, never stopping early. */
export function batchTrainer(data: Dataset, batch: BatchChoice, lr: number, seed = 1): Trainer {
  const size = batch === 'full' ? data.train.x.length : batch;
  checkPositiveInteger('batch size', size);
  return createTrainer({
    net: batchNet(seed),
    data: { train: data.train },
    optimizer: { kind: 'sgd', lr },
    loss: 'bce',
    batchSize: size,
    seed,
    stopAtLoss: 0,
    maxLossGrowth: Infinity,
  });
}

/** The loss on the whole training set with the trainer's current weights. */
export function fullLoss(trainer: Trainer, data: Dataset): number {
  return trainer.net.evaluate(data.train.x, data.train.y, 'bce').loss;
}

/**
 * Mean squared distance ‖g_B − g‖² between the gradient g_B of `draws` random batches of B samples
 * (drawn with replacement, seeded) and the full-data gradient g, at the network's current weights.
 * For batches drawn with replacement its expectation is exactly (1/B) × the one-sample value.
 */
export function gradientNoise(net: MLP, data: Dataset, batchSize: number, draws: number, seed = 1): number {
  checkPositiveInteger('batchSize', batchSize);
  checkPositiveInteger('draws', draws);
  const { x, y } = data.train;
  const full = net.lossAndGrad(x, y, 'bce').grad;
  const random = seeded(seed);
  let sum = 0;
  for (let d = 0; d < draws; d++) {
    const rows: number[] = Array.from({ length: batchSize }, () => integer(random, x.length));
    const g = net.lossAndGrad(rows.map((r) => x[r]), rows.map((r) => y[r]), 'bce').grad;
    for (let i = 0; i < g.length; i++) sum += (g[i] - full[i]) ** 2;
  }
  return sum / draws;
}

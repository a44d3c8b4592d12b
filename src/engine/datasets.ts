/**
 * Seeded two-dimensional classification datasets as plain arrays: x rows of two coordinates, y rows
 * of targets ([0] or [1] for two classes, one-hot for three), labels as class numbers.
 */
import { checkFinite, checkNonNegative, checkOneOf, checkPositiveInteger } from './check.ts';
import { normal, permutation, seedOf, seeded, uniform, type Random } from './random.ts';

/** The names `dataset(name, options)` accepts. */
export const datasetNames = ['xor', 'and', 'or', 'nand', 'circle', 'spirals', 'blobs', 'blobs3', 'linear', 'quadrants', 'petals'] as const;

/** One of `datasetNames`. */
export type DatasetName = (typeof datasetNames)[number];

/** Samples as rows: x[i] is a point, y[i] its target row, labels[i] its class number. */
export interface Samples {
  readonly x: number[][];
  readonly y: number[][];
  readonly labels: number[];
}

/** A dataset split into training and test samples, with its class names and a frame for plotting. */
export interface Dataset {
  readonly name: DatasetName;
  readonly classes: string[];
  readonly train: Samples;
  readonly test: Samples;
  readonly extent: { readonly xMin: number; readonly xMax: number; readonly yMin: number; readonly yMax: number };
}

/** How many points, how much Gaussian jitter (its standard deviation), what share to hold out, which seed. */
export interface DatasetOptions {
  /** Number of points (default 200). */
  readonly n?: number;
  /** Standard deviation of Gaussian noise added to each coordinate (default 0). */
  readonly noise?: number;
  /** Share of points held out as test data, 0 ≤ f < 1 (default 0). */
  readonly testFraction?: number;
  /** Seed of the points, the noise and the split (default 1). */
  readonly seed?: number;
}

type Point = { x: number; y: number; label: number };
type Maker = (i: number, n: number, random: Random) => Point;
/** A two-input logic gate, lower case as dataset names are. */
export type GateKey = 'xor' | 'and' | 'or' | 'nand';

const gates: Record<GateKey, (a: number, b: number) => number> = {
  xor: (a, b) => a ^ b,
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  nand: (a, b) => 1 - (a & b),
};

/** Point i of a truth-table dataset: the corners (0,0), (0,1), (1,0), (1,1) in turn, labelled by the gate. */
const corner = (gate: GateKey): Maker => (i) => {
  const a = (i >> 1) & 1;
  const b = i & 1;
  return { x: a, y: b, label: gates[gate](a, b) };
};

const makers: Record<DatasetName, Maker> = {
  xor: corner('xor'),
  and: corner('and'),
  or: corner('or'),
  nand: corner('nand'),
  // class 1 inside radius 0.5, class 0 on a ring from radius 0.7 to 1
  circle: (i, n, random) => {
    const label = i % 2;
    const r = label ? uniform(random, 0, 0.5) : uniform(random, 0.7, 1);
    const angle = uniform(random, 0, 2 * Math.PI);
    return { x: r * Math.cos(angle), y: r * Math.sin(angle), label };
  },
  // two arms, each 1.5 turns, the second the first turned by half a circle
  spirals: (i, n) => {
    const label = i % 2;
    const t = Math.floor(i / 2) / Math.ceil(n / 2);
    const angle = 3 * Math.PI * t + label * Math.PI;
    const r = 0.1 + 0.9 * t;
    return { x: r * Math.cos(angle), y: r * Math.sin(angle), label };
  },
  // Gaussian clouds of standard deviation 0.25 around (−0.5, −0.5) and (0.5, 0.5)
  blobs: (i, n, random) => {
    const label = i % 2;
    const c = label ? 0.5 : -0.5;
    return { x: normal(random, c, 0.25), y: normal(random, c, 0.25), label };
  },
  // three clouds of standard deviation 0.25 around points at radius 0.6, 120° apart
  blobs3: (i, n, random) => {
    const label = i % 3;
    const angle = Math.PI / 2 + (2 * Math.PI * label) / 3;
    return { x: normal(random, 0.6 * Math.cos(angle), 0.25), y: normal(random, 0.6 * Math.sin(angle), 0.25), label };
  },
  // uniform in the square [−1, 1]², class 1 above the line y = 0.5x + 0.1
  linear: (i, n, random) => {
    const x = uniform(random, -1, 1);
    const y = uniform(random, -1, 1);
    return { x, y, label: y > 0.5 * x + 0.1 ? 1 : 0 };
  },
  // uniform in the square [−1, 1]², class 1 where x and y have the same sign (XOR of the signs, negated)
  quadrants: (i, n, random) => {
    const label = i % 2;
    const x = uniform(random, -1, 1);
    const y = uniform(random, 0, 1) * (label === 1 ? Math.sign(x) || 1 : -(Math.sign(x) || 1));
    return { x, y, label };
  },
  // uniform over the unit disk, class 1 inside the three-petal curve r = 0.7 + 0.2 cos 3θ
  petals: (i, n, random) => {
    const label = i % 2;
    for (;;) {
      const r = Math.sqrt(uniform(random, 0, 1));
      const angle = uniform(random, 0, 2 * Math.PI);
      if ((r < petalRadius(angle) ? 1 : 0) === label) return { x: r * Math.cos(angle), y: r * Math.sin(angle), label };
    }
  },
};

/** The boundary of the petals dataset: class 1 lies inside radius 0.7 + 0.2 cos 3θ at angle θ. */
export function petalRadius(angle: number): number {
  return 0.7 + 0.2 * Math.cos(3 * angle);
}

/** The four rows of a logic gate's truth table as samples, in order (0,0), (0,1), (1,0), (1,1): no randomness. */
export function gateSamples(gate: GateKey): Samples {
  checkOneOf('gate', gate, Object.keys(gates) as GateKey[]);
  return samples([0, 1, 2, 3].map((i) => corner(gate)(i, 4, () => 0)), 2);
}

/** The square a dataset is viewed in: the unit square with a margin for the logic gates, [−1.5, 1.5]² for the rest. */
export function datasetExtent(name: DatasetName): Dataset['extent'] {
  const gate = name === 'xor' || name === 'and' || name === 'or' || name === 'nand';
  return gate ? { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 } : { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 };
}

/**
 * A seeded dataset: n points made by `name`, Gaussian noise added, shuffled, split into train and
 * test. Points, noise and order each have their own stream, so more noise moves the same points.
 */
export function dataset(name: DatasetName, options: DatasetOptions = {}): Dataset {
  checkOneOf('dataset', name, datasetNames);
  const { n = 200, noise = 0, testFraction = 0, seed = 1 } = options;
  checkPositiveInteger('n', n);
  if (n > 100_000) throw new Error(`n must be at most 100000, got ${n}`);
  checkNonNegative('noise', noise);
  checkFinite('testFraction', testFraction);
  if (testFraction < 0 || testFraction >= 1) throw new Error(`testFraction must be in [0, 1), got ${testFraction}`);
  // three streams from one seed, so changing the noise moves the same points and keeps the split
  const random = seeded(seed);
  const jitter = seeded(seedOf(seed) ^ 0x5bd1e995);
  const made = Array.from({ length: n }, (_, i) => makers[name](i, n, random));
  if (noise > 0) {
    for (const p of made) {
      p.x += normal(jitter, 0, noise);
      p.y += normal(jitter, 0, noise);
    }
  }
  const order = permutation(seeded(seedOf(seed) ^ 0x27d4eb2f), n);
  const shuffled = Array.from(order, (i) => made[i]);
  const trainCount = n - Math.round(n * testFraction);
  const classes = name === 'blobs3' ? 3 : 2;
  const extent = datasetExtent(name);
  return {
    name,
    classes: classes === 3 ? ['0', '1', '2'] : ['0', '1'],
    train: samples(shuffled.slice(0, trainCount), classes),
    test: samples(shuffled.slice(trainCount), classes),
    extent,
  };
}

/** Rows from points: targets [label] for two classes, one-hot for more. */
function samples(points: Point[], classes: number): Samples {
  return {
    x: points.map((p) => [p.x, p.y]),
    y: points.map((p) => (classes === 2 ? [p.label] : Array.from({ length: classes }, (_, c) => (c === p.label ? 1 : 0)))),
    labels: points.map((p) => p.label),
  };
}

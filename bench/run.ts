/**
 * `npm run bench`: milliseconds per epoch for one fixed task, three ways: the engine through its
 * public training API, a hand-written Float64Array loop for exactly this network, and
 * TensorFlow.js's model.fit on its CPU backend. All three start from the same initial weights.
 *
 * Task: two spirals (400 points, seed 1), a 2-8-8-1 network (tanh hidden, sigmoid output), binary
 * cross-entropy, full-batch SGD with learning rate 0.1, 500 epochs.
 *
 * Then the network playground's scaling table (bench/scaling.ts): epochs a second and milliseconds
 * per redraw for networks of 1 to 6 hidden layers and for 100 to 2000 points.
 */
import { createMLP, createTrainer, dataset } from '../src/engine/index.ts';
import { trainHandLoop } from './hand-loop.ts';
import { median } from './median.ts';
import { printScaling } from './scaling.ts';
import { trainTfjs } from './tfjs.ts';

const SIZES = [2, 8, 8, 1];
const EPOCHS = 500;
const LR = 0.1;
const RUNS = 15;
const TFJS_RUNS = 3;

/** One timed run: wall-clock and CPU milliseconds, and the final loss. */
interface Run {
  wall: number;
  cpu: number;
  loss: number;
}

const data = dataset('spirals', { n: 400, seed: 1 });
const x = new Float64Array(data.train.x.flat());
const y = new Float64Array(data.train.y.flat());
const freshNet = () => createMLP({ sizes: SIZES, hidden: 'tanh', output: 'sigmoid', seed: 1 });
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Times `work`, which returns the final loss. */
async function timed(work: () => number | Promise<number>): Promise<Run> {
  const wall0 = performance.now();
  const cpu0 = cpuNow();
  const loss = await work();
  return { wall: performance.now() - wall0, cpu: cpuNow() - cpu0, loss };
}

const runEngine = () => timed(() => {
  const trainer = createTrainer({ net: freshNet(), data, optimizer: { kind: 'sgd', lr: LR }, loss: 'bce', stopAtLoss: 0 });
  trainer.run(EPOCHS);
  if (trainer.status !== 'training') throw new Error(`the engine stopped early: ${trainer.reason}`);
  const losses = trainer.history.epochs.trainLoss;
  return losses[losses.length - 1];
});
const runHand = () => timed(() => trainHandLoop(freshNet().params, x, y, 400, EPOCHS, LR));
const runTfjs = (epochs: number) => timed(() => trainTfjs(freshNet().params, SIZES, data.train.x, data.train.y, epochs, LR));

// warm up the JIT on every path, then alternate engine and hand loop so machine load hits both alike
await runEngine();
await runHand();
await runTfjs(20);
const engine: Run[] = [];
const hand: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  hand.push(await runHand());
  engine.push(await runEngine());
}
const tfjs: Run[] = [];
for (let i = 0; i < TFJS_RUNS; i++) tfjs.push(await runTfjs(EPOCHS));

const perEpoch = (runs: Run[], key: 'wall' | 'cpu') => median(runs.map((r) => r[key])) / EPOCHS;
const rows = [
  { name: 'hand-written Float64Array loop', runs: hand },
  { name: 'engine (createTrainer().run)', runs: engine },
  { name: 'TensorFlow.js 4.22, CPU backend', runs: tfjs },
];
const cpu = { hand: perEpoch(hand, 'cpu'), engine: perEpoch(engine, 'cpu'), tfjs: perEpoch(tfjs, 'cpu') };
const wall = { hand: perEpoch(hand, 'wall'), engine: perEpoch(engine, 'wall'), tfjs: perEpoch(tfjs, 'wall') };

console.log(`\nTwo spirals (400 points), 2-8-8-1 tanh/sigmoid, bce, full-batch SGD lr ${LR}, ${EPOCHS} epochs, seed 1`);
console.log(`ms per epoch, median of ${RUNS} runs (TensorFlow.js: ${TFJS_RUNS}); CPU time is what the process itself spent\n`);
console.log(`${'implementation'.padEnd(34)}${'CPU ms'.padStart(9)}${'wall ms'.padStart(9)}${'final loss'.padStart(18)}${'CPU vs hand'.padStart(13)}`);
for (const { name, runs } of rows) {
  const c = perEpoch(runs, 'cpu');
  const line = name.padEnd(34) + c.toFixed(4).padStart(9) + perEpoch(runs, 'wall').toFixed(4).padStart(9);
  console.log(line + runs[0].loss.toFixed(12).padStart(18) + `${(c / cpu.hand).toFixed(2)}x`.padStart(13));
}
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`\nengine / hand loop:     ${(cpu.engine / cpu.hand).toFixed(2)}x CPU, ${(wall.engine / wall.hand).toFixed(2)}x wall  (target ≤ 1.25x: ${verdict(cpu.engine / cpu.hand <= 1.25)})`);
console.log(`TensorFlow.js / engine: ${(cpu.tfjs / cpu.engine).toFixed(1)}x CPU, ${(wall.tfjs / wall.engine).toFixed(1)}x wall  (target ≥ 8x: ${verdict(cpu.tfjs / cpu.engine >= 8)})`);
console.log(`engine and hand loop end on the bit-identical loss: ${engine.every((r) => r.loss === hand[0].loss) ? 'yes' : 'no'}`);

printScaling();

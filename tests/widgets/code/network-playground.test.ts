/**
 * The network playground: its engine cell and its PyTorch program print the widget's CSV (the loss
 * per epoch on the training, validation and test sets, and the settings line) for the run a link carries.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { playgroundCode } from '../../../src/widgets/NetworkPlayground/code.ts';
import { PlaygroundModel } from '../../../src/widgets/NetworkPlayground/model.svelte.ts';
import { DEFAULT_STATE, PRESETS, type PlaygroundState } from '../../../src/widgets/NetworkPlayground/settings.ts';
import { expectSameHistory, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: [string, PlaygroundState][] = [
  ['the default, untrained', DEFAULT_STATE],
  ['the default after 30 epochs', { ...DEFAULT_STATE, epochs: 30 }],
  ['three classes, Adam, a validation share, 130 epochs (rows thinned)', { ...PRESETS.classes, validFraction: 0.2, optimizer: 'adam', lr: 0.01, seed: 5, epochs: 130 }],
  [
    'spirals, ReLU, He init, seed 7: a learning-rate change at epoch 4 and a point added',
    { ...PRESETS.spirals, layers: [6, 6], init: 'he', seed: 7, lr: 0.03, added: [[0.5, -0.5, 0]], epochs: 7, legs: [[4, 0.01, 'adam', 10, 'bce', 0]] },
  ],
  ['XOR, mean squared error, momentum, full batch, uniform init, leaky ReLU', { ...PRESETS.xor, loss: 'mse', optimizer: 'momentum', batchSize: 0, lr: 0.1, init: 'uniform', activation: 'leaky_relu', epochs: 40 }],
  ['a learning rate of 30 (diverges in epoch 1)', { ...DEFAULT_STATE, lr: 30, epochs: 1 }],
];

/** The widget's CSV after opening the state's link and replaying its epochs on the main thread. */
async function csvOf(state: PlaygroundState): Promise<string> {
  const m = new PlaygroundModel();
  m.fromState(structuredClone(state));
  const stop = m.attach({ worker: false });
  for (let i = 0; i < 2000 && m.replayTarget !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    m.flush();
  }
  m.flush();
  expect(m.replayTarget).toBeNull();
  const csv = m.csv();
  stop();
  return csv;
}

describe('Network playground: show me the code', () => {
  beforeEach(() => localStorage.clear());

  test.each(states)('the engine cell prints the widget’s CSV exactly: %s', async (_name, s) => {
    const run = await runEngine(playgroundCode(s).engine);
    expect(run.error).toBeNull();
    const csv = await csvOf(s);
    expect(csv.split('\n').length).toBeGreaterThan(3);
    expectSameHistory(run.lines, csv, 0, 'engine cell');
    // line for line, the settings comment included
    expect(run.lines.join('\n')).toBe(csv);
  }, 60_000);

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(playgroundCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/network-playground.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the PyTorch program prints the widget’s CSV to floating-point precision: %s', async (name, s) => {
    const lines = runPython(playgroundCode(s).python);
    const csv = await csvOf(s);
    const worst = expectSameHistory(lines, csv, 1e-13, 'PyTorch program');
    console.log(`network playground, ${name}: PyTorch vs widget, largest relative difference ${worst.toExponential(1)}`);
  }, 180_000);
});

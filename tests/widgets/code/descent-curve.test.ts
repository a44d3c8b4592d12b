/** Descent on a curve: its engine cell and its PyTorch program print the widget's CSV. */
import { describe, expect, test } from 'vitest';
import { descentCode } from '../../../src/widgets/DescentCurve/code.ts';
import { DEFAULT_STATE, DescentModel, type DescentState } from '../../../src/widgets/DescentCurve/model.svelte.ts';
import { expectSameHistory, parseCSV, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: DescentState[] = [
  DEFAULT_STATE,
  { curve: 'quadratic', lr: 0.25, w0: -2.5, steps: 30 },
  { curve: 'quadratic', lr: 1.05, w0: -2.5, steps: 200 }, // overshoots further each step: diverges
  { curve: 'double-well', lr: 0.4, w0: 2.2, steps: 80 },
  { curve: 'double-well', lr: 0.05, w0: -0.3, steps: 200 },
];
const csvOf = (s: DescentState) => {
  const model = new DescentModel();
  model.fromState(s);
  return model.csv();
};

describe('Descent on a curve: show me the code', () => {
  test('the diverging state really stops early (the code must handle it)', () => {
    expect(parseCSV(csvOf(states[2])).rows.length).toBeLessThan(201);
  });

  test.each(states)('the engine cell prints the widget’s CSV exactly ($curve, η = $lr, w₀ = $w0, $steps steps)', async (s) => {
    const run = await runEngine(descentCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
  });

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(descentCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/descent-curve.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the PyTorch program prints the widget’s CSV to floating-point precision ($curve, η = $lr, w₀ = $w0, $steps steps)', (s) => {
    const lines = runPython(descentCode(s).python);
    const worst = expectSameHistory(lines, csvOf(s), 1e-13, 'PyTorch program');
    console.log(`descent curve ${s.curve} η = ${s.lr}, w₀ = ${s.w0}, ${s.steps} steps: PyTorch vs widget, largest relative difference ${worst.toExponential(1)}`);
  }, 120_000);
});

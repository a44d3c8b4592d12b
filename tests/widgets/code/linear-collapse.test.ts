/** Linear collapse: its engine cell and its PyTorch program print the widget's CSV. */
import { describe, expect, test } from 'vitest';
import { collapseCode } from '../../../src/widgets/LinearCollapse/code.ts';
import { DEFAULT_STATE, LinearCollapseModel, type CollapseState } from '../../../src/widgets/LinearCollapse/model.svelte.ts';
import { expectSameHistory, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: CollapseState[] = [
  DEFAULT_STATE,
  { depth: 8, width: 4, activation: 'relu', seed: 17 },
  { depth: 1, width: 2, activation: 'sigmoid', seed: 0 },
  { depth: 5, width: 3, activation: 'sigmoid', seed: 123456 },
];
const csvOf = (s: CollapseState) => new LinearCollapseModel(s).csv();

describe('Linear collapse: show me the code', () => {
  test.each(states)('the engine cell prints the widget’s CSV exactly (depth $depth, width $width, $activation, seed $seed)', async (s) => {
    const run = await runEngine(collapseCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
  });

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(collapseCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/linear-collapse.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the PyTorch program prints the widget’s CSV to floating-point precision (depth $depth, width $width, $activation, seed $seed)', (s) => {
    const lines = runPython(collapseCode(s).python);
    // up to 8 layers of sums that torch adds in another order: a few units in the last place (1.2e-15 seen)
    const worst = expectSameHistory(lines, csvOf(s), 1e-14, 'PyTorch program');
    console.log(`linear collapse depth ${s.depth}, width ${s.width}, ${s.activation}, seed ${s.seed}: PyTorch vs widget, largest relative difference ${worst.toExponential(1)}`);
  }, 120_000);
});

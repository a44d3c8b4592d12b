/** Momentum in a valley: its engine cell and its PyTorch program print the widget's CSV. */
import { describe, expect, test } from 'vitest';
import { valleyCode } from '../../../src/widgets/MomentumValley/code.ts';
import { DEFAULT_STATE, ValleyModel, type ValleyState } from '../../../src/widgets/MomentumValley/model.svelte.ts';
import { expectSameHistory, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: ValleyState[] = [DEFAULT_STATE, { lr: 0.095, beta: 0.5 }, { lr: 0.01, beta: 0 }];
const csvOf = (s: ValleyState) => {
  const model = new ValleyModel();
  model.fromState(s);
  return model.csv();
};

describe('Momentum in a valley: show me the code', () => {
  test.each(states)('the engine cell prints the widget’s CSV exactly (η = $lr, μ = $beta)', async (s) => {
    const run = await runEngine(valleyCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
  });

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(valleyCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/momentum-valley.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the PyTorch program prints the widget’s CSV to floating-point precision (η = $lr, μ = $beta)', (s) => {
    const lines = runPython(valleyCode(s).python);
    const worst = expectSameHistory(lines, csvOf(s), 1e-13, "PyTorch program");
    console.log(`momentum valley η = ${s.lr}, μ = ${s.beta}: PyTorch vs widget, largest relative difference ${worst.toExponential(1)}`);
  }, 120_000);
});

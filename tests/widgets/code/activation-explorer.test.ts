/** Activation explorer: its engine cell and its PyTorch program print the widget's CSV. */
import { describe, expect, test } from 'vitest';
import { explorerCode } from '../../../src/widgets/ActivationExplorer/code.ts';
import { ActivationExplorerModel, DEFAULT_STATE, EXPLORER_FUNCTIONS, type ExplorerState } from '../../../src/widgets/ActivationExplorer/model.svelte.ts';
import { expectSameHistory, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: ExplorerState[] = [
  DEFAULT_STATE,
  { fns: [...EXPLORER_FUNCTIONS], range: 20, x: 0 },
  { fns: ['step', 'gelu', 'softplus'], range: 2.7, x: -1 },
];
const csvOf = (s: ExplorerState) => new ActivationExplorerModel(s).csv();
const label = (s: ExplorerState) => `${s.fns.join('+')} on ±${s.range}`;

describe('Activation explorer: show me the code', () => {
  test.each(states.map((s) => [label(s), s] as const))('the engine cell prints the widget’s CSV exactly (%s)', async (_, s) => {
    const run = await runEngine(explorerCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
  });

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(explorerCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/activation-explorer.py');
  });

  test.skipIf(!pythonWithTorch()).each(states.map((s) => [label(s), s] as const))('the PyTorch program prints the widget’s CSV to floating-point precision (%s)', (_, s) => {
    const lines = runPython(explorerCode(s).python);
    const worst = expectSameHistory(lines, csvOf(s), 1e-15, 'PyTorch program');
    console.log(`activation explorer ${label(s)}: PyTorch vs widget, largest relative difference ${worst.toExponential(1)}`);
  }, 120_000);
});

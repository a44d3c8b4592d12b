/** Loss explorer: its engine cell and its PyTorch program print the widget's CSV. */
import { describe, expect, test } from 'vitest';
import { formatNumber } from '../../../src/widgets/BackpropStepper/format.ts';
import { lossExplorerCode } from '../../../src/widgets/LossExplorer/code.ts';
import { DEFAULT_LOSS_STATE, LossExplorerModel, type LossExplorerState } from '../../../src/widgets/LossExplorer/model.svelte.ts';
import { expectSameHistory, parseCSV, pythonWithTorch, runEngine, runPython } from './harness.ts';

// The CSV depends on the target y only (the curves over ŷ); the other settings change the marks and
// the network chart, so each state below also moves them to show the code does not depend on them.
const states: LossExplorerState[] = [
  DEFAULT_LOSS_STATE,
  { y: 0, p: 0.9, loss: 'mse', param: 2, w: -1.5 },
  { y: 0.5, p: 0.999, loss: 'bce', param: 8, w: 6 },
];
const csvOf = (s: LossExplorerState) => new LossExplorerModel(s).csv();
const label = (s: LossExplorerState) => `y = ${s.y}, ŷ = ${s.p}`;

describe('Loss explorer: show me the code', () => {
  test.each(states.map((s) => [label(s), s] as const))('the engine cell prints the widget’s CSV exactly (%s)', async (_, s) => {
    const run = await runEngine(lossExplorerCode(s).engine);
    expect(run.error).toBeNull();
    expect(run.status).toBe('ok');
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
    // the header, 250 predictions, a blank line and the target: the download's lines one for one
    expect(run.lines).toEqual(csvOf(s).replace(/\r?\n$/, '').split(/\r?\n/));
    expect(run.lines.at(-1)).toBe(`# target y=${s.y}`);
  });

  test.each(states.map((s) => [label(s), s] as const))('the engine cell quotes the slopes at the widget’s ŷ as its readout does (%s)', (_, s) => {
    const { mse, bce } = new LossExplorerModel(s).point;
    const quoted = `At the widget's ŷ = ${s.p}: ∂L/∂z is ${formatNumber(mse.dz[0])} for MSE and ${formatNumber(bce.dz[0])} for BCE`;
    expect(lossExplorerCode(s).engine).toContain(quoted);
    expect(new LossExplorerModel(s).status).toContain(formatNumber(bce.dz[0]));
  });

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(lossExplorerCode(DEFAULT_LOSS_STATE).python).toMatchFileSnapshot('./golden/loss-explorer.py');
  });

  // ŷ, mse and both ∂L/∂ŷ follow the same formulas in the same order as the engine (torch's BCE slope
  // with its 1e-12 floor, which never acts on ŷ in [0.001, 0.999]), so they match to the bit. Two
  // columns round apart in the last digit: bce (torch's logarithms are not JavaScript's, and torch
  // 1.13 writes ln(1 − ŷ) as log(1 − ŷ) where the engine uses log1p(−ŷ)), and bce_dz (the chain-rule
  // product ∂L/∂ŷ · ŷ(1 − ŷ), where the engine writes ŷ − y exactly).
  const EXACT = ['y_hat', 'mse', 'mse_dy_hat', 'mse_dz', 'bce_dy_hat'];
  const only = (lines: string[], names: string[]) => {
    const { header, rows } = parseCSV(lines.join('\n'));
    const cols = names.map((n) => header.indexOf(n));
    return [names.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))];
  };
  test.skipIf(!pythonWithTorch()).each(states.map((s) => [label(s), s] as const))('the PyTorch program prints the widget’s CSV to floating-point precision (%s)', (_, s) => {
    const lines = runPython(lossExplorerCode(s).python);
    const worst = expectSameHistory(lines, csvOf(s), 1e-15, 'PyTorch program');
    expectSameHistory(only(lines.slice(0, -1), EXACT), csvOf(s).replace(/# target.*\n$/, ''), 0, 'PyTorch program, exact columns');
    expect(lines.at(-1)).toBe(`# target y=${s.y}`);
    console.log(`loss explorer ${label(s)}: PyTorch vs widget, largest relative difference ${worst.toExponential(1)}`);
  }, 120_000);
});

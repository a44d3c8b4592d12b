/** The gradient-check lab: its engine cell and its PyTorch program print the widget's CSV (the ε sweep). */
import { describe, expect, test } from 'vitest';
import { gradLabCode } from '../../../src/widgets/GradientCheckLab/code.ts';
import { DEFAULT_LAB_STATE, GradLabModel, type GradLabState } from '../../../src/widgets/GradientCheckLab/model.svelte.ts';
import { expectSameHistory, parseCSV, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: GradLabState[] = [DEFAULT_LAB_STATE, { param: 4, eps: -8, bug: true }, { param: 8, eps: -3.25, bug: false }, { param: 1, eps: -5, bug: true }];
const csvOf = (s: GradLabState) => {
  const m = new GradLabModel();
  m.fromState(s);
  return m.csv();
};
const only = (lines: string[], keep: string[]) => {
  const header = lines[0].split(',');
  const idx = keep.map((k) => header.indexOf(k));
  return lines.map((l) => (l.startsWith('#') ? l : idx.map((c) => l.split(',')[c]).join(',')));
};

describe('Gradient-check lab: show me the code', () => {
  test.each(states)('the engine cell prints the widget’s CSV exactly (parameter $param, bug $bug)', async (s) => {
    const run = await runEngine(gradLabCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
    // line for line (the widget's file ends its lines with CRLF)
    expect(run.lines).toEqual(csvOf(s).split(/\r?\n/).filter((l) => l.length > 0));
  });

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(gradLabCode(DEFAULT_LAB_STATE).python).toMatchFileSnapshot('./golden/gradient-check-lab.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the PyTorch program prints the widget’s CSV (parameter $param, bug $bug)', (s) => {
    const lines = runPython(gradLabCode(s).python);
    const csv = csvOf(s);
    // ε and autograd's gradient: to the last digit
    const exact = expectSameHistory(only(lines, ['eps', 'analytic']), csv, 1e-15, 'PyTorch program');
    // the central difference: a last-digit difference in the loss over 2ε, so within 4e-16/ε, a few units in the last place of L ≈ 0.3 over 2ε (see the program's comment)
    const printed = parseCSV(lines.join('\n'));
    const widget = parseCSV(csv);
    let worst = 0;
    widget.rows.filter((r) => !r[0].startsWith('#')).forEach((w, i) => {
      const eps = Number(w[0]);
      const d = Math.abs(Number(printed.rows[i][1]) - Number(w[1]));
      worst = Math.max(worst, d * eps);
      expect(d, `ε = ${eps}: numeric ${printed.rows[i][1]} vs the widget's ${w[1]}`).toBeLessThanOrEqual(4e-16 / eps);
    });
    console.log(`gradient-check lab, parameter ${s.param}, bug ${s.bug}: PyTorch vs widget, ε and gradient ${exact.toExponential(1)}; numeric × ε at most ${worst.toExponential(1)}`);
  }, 120_000);
});

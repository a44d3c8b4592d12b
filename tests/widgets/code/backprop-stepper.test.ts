/** The backprop stepper: its engine cell and its PyTorch program print the gradient table of the widget's CSV. */
import { describe, expect, test } from 'vitest';
import { stepperCode } from '../../../src/widgets/BackpropStepper/code.ts';
import { StepperModel } from '../../../src/widgets/BackpropStepper/model.svelte.ts';
import { PRESET_STATES, type StepperState } from '../../../src/widgets/BackpropStepper/presets.ts';
import { expectSameHistory, parseCSV, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: [string, StepperState][] = [
  ['the lesson’s example (the default)', PRESET_STATES.lesson],
  ['XOR’s hand-built network, tanh, η = 2', { ...PRESET_STATES.xor, hidden: 'tanh', lr: 2 }],
  ['two outputs, ReLU, mean squared error', { ...PRESET_STATES['two-outputs'], hidden: 'relu', loss: 'mse', cursor: 5, iteration: 3 }],
  ['the saturated output', PRESET_STATES.saturated],
];

/** The gradient table of the widget's CSV: from its header to the blank line after it. */
function gradientTable(state: StepperState): string {
  const m = new StepperModel();
  m.fromState(structuredClone(state));
  const lines = m.csv().split('\n');
  const from = lines.findIndex((l) => l.startsWith('parameter,'));
  const to = lines.indexOf('', from);
  return lines.slice(from, to).join('\n');
}

/** The printed table: the lines before the first blank one. */
const tableOf = (lines: string[]) => lines.slice(0, lines.indexOf('') < 0 ? lines.length : lines.indexOf(''));
/** Only some columns of printed CSV lines. */
const columns = (lines: string[], keep: string[]) => {
  const header = lines[0].split(',');
  const idx = keep.map((k) => header.indexOf(k));
  return lines.map((l) => {
    const f = l.match(/("[^"]*"|[^,]+)/g) ?? [];
    return idx.map((i) => f[i]).join(',');
  });
};

describe('Backprop stepper: show me the code', () => {
  test.each(states)('the engine cell prints the widget’s gradient table exactly: %s', async (_name, s) => {
    const run = await runEngine(stepperCode(s).engine);
    expect(run.error).toBeNull();
    const table = gradientTable(s);
    expectSameHistory(tableOf(run.lines), table, 0, 'engine cell');
    expect(tableOf(run.lines).join('\n')).toBe(table);
    const m = new StepperModel();
    m.fromState(structuredClone(s));
    expect(run.lines.at(-1)).toBe(`loss L = ${m.pass.loss}`);
  });

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(stepperCode(PRESET_STATES.lesson).python).toMatchFileSnapshot('./golden/backprop-stepper.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the PyTorch program prints the widget’s gradient table: %s', (name, s) => {
    // (runPython drops blank lines: the table is what comes before the loss line)
    const lines = runPython(stepperCode(s).python).filter((l) => !l.startsWith('loss L ='));
    const table = gradientTable(s);
    // autograd's gradients and the updated weights: to the last digit or so
    const exact = expectSameHistory(columns(lines, ['parameter', 'value', 'grad_backprop', 'after_update']), table, 1e-15, 'PyTorch program');
    // the central differences divide a last-digit difference in the loss by 2h = 2e-6
    const numeric = expectSameHistory(columns(lines, ['parameter', 'grad_numeric']), table, 1e-9, 'PyTorch program, numerical check');
    // so the relative error |grad − numeric| / |grad| can differ by up to 1e-9 / |grad|
    const printed = parseCSV(lines.join('\n'));
    const widget = parseCSV(table);
    const g = widget.header.indexOf('grad_backprop');
    const r = widget.header.indexOf('relative_error');
    widget.rows.forEach((w, i) => {
      const bound = 1e-9 / Math.max(Math.abs(Number(w[g])), 1e-300);
      expect(Math.abs(Number(printed.rows[i][r]) - Number(w[r])), `row ${i + 1}, relative_error`).toBeLessThanOrEqual(bound);
    });
    console.log(`backprop stepper, ${name}: PyTorch vs widget, largest difference ${exact.toExponential(1)} (gradients, update), ${numeric.toExponential(1)} (central differences)`);
  }, 120_000);
});

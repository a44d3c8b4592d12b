/** Gradient flow: its engine cell and its PyTorch program print the widget's CSV. */
import { describe, expect, test, vi } from 'vitest';
import { flowCode } from '../../../src/widgets/GradientFlow/code.ts';
import { DEFAULT_STATE, GradientFlowModel, type FlowState } from '../../../src/widgets/GradientFlow/model.svelte.ts';
import { expectSameHistory, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: FlowState[] = [
  DEFAULT_STATE,
  { depth: 3, width: 4, lr: 0.3, seed: 2, steps: 150, showStart: true },
  // tanh and ReLU diverge within the first 10 steps; sigmoid trains on
  { depth: 20, width: 16, lr: 3, seed: 1, steps: 25, showStart: false },
];
/**
 * How close torch comes: 1e-13 for runs that train. A run that diverges magnifies a last-digit
 * difference at every step of its blow-up (at η = 3 the tanh and ReLU networks of 20 layers leave
 * the data in a few steps), so the numbers after it agree to about 12 digits (2.3e-12 seen).
 */
const tolerance = (s: FlowState) => (s.lr === 3 ? 1e-11 : 1e-13);
const label = (s: FlowState) => `${s.depth}×${s.width}, η = ${s.lr}, seed ${s.seed}, ${s.steps} steps`;

/** The widget's CSV for a shared state: opened as a link opens it, replayed on this thread. */
async function csvOf(s: FlowState): Promise<string> {
  const model = new GradientFlowModel({}, { worker: false });
  model.fromState(s);
  model.start();
  await vi.waitFor(() => expect(model.target).toBeNull(), { timeout: 60_000, interval: 20 });
  expect(model.view.step).toBe(s.steps);
  const csv = model.csv();
  model.destroy();
  return csv;
}

const cases = states.map((s) => [label(s), s] as const);

describe('Gradient flow: show me the code', () => {
  test('a run too long to print whole prints one loss line in k, the last and every gradient line, under the limit', async () => {
    const s: FlowState = { depth: 2, width: 2, lr: 0.1, seed: 1, steps: 1800, showStart: false };
    const run = await runEngine(flowCode(s).engine);
    expect(run.error).toBeNull();
    const csv = (await csvOf(s)).trim().split('\r\n');
    const note = run.lines[0].match(/^\(a long run: one loss line in (\d+) is printed here\)$/);
    expect(note).not.toBeNull();
    const every = Number(note![1]);
    expect(every).toBeGreaterThan(1);
    const printed = run.lines.slice(1);
    expect(printed.join('\n').length).toBeLessThan(100_000);
    // exactly the CSV's lines minus the skipped loss lines
    expect(printed).toEqual(csv.filter((line, i) => !line.startsWith('loss,') || (i - 1) % every === 0 || i === s.steps + 1));
    expect(printed).toContain(csv[s.steps + 1]);
  }, 120_000);

  test.each(cases)('the engine cell prints the widget’s CSV exactly (%s)', async (_, s) => {
    const run = await runEngine(flowCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, await csvOf(s), 0, 'engine cell');
  }, 120_000);

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(flowCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/gradient-flow.py');
  });

  test.skipIf(!pythonWithTorch()).each(cases)('the PyTorch program prints the widget’s CSV to floating-point precision (%s)', async (_, s) => {
    const lines = runPython(flowCode(s).python);
    const worst = expectSameHistory(lines, await csvOf(s), tolerance(s), 'PyTorch program');
    console.log(`gradient flow ${label(s)}: PyTorch vs widget, largest relative difference ${worst.toExponential(1)}`);
  }, 180_000);
});

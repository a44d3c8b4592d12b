/** Perceptron lab: its engine cell and its NumPy program print the widget's CSV, and train as the engine does. */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { jsNum } from '../../../src/lib/widget-code.ts';
import { train, truthTable } from '../../../src/engine/index.ts';
import { perceptronCode } from '../../../src/widgets/PerceptronLab/code.ts';
import { DEFAULT_STATE, PerceptronModel, type PerceptronState } from '../../../src/widgets/PerceptronLab/model.svelte.ts';
import { expectSameHistory, pythonWithTorch, runEngine } from './harness.ts';

const states: PerceptronState[] = [
  DEFAULT_STATE,
  // a weight past the sliders' range, as a training run can leave it
  { gate: 'NAND', w1: -4.5, w2: 2.4, b: -0.7, lr: 0.25 },
  { gate: 'XOR', w1: 0.2, w2: -0.1, b: 0, lr: 1 },
  // at (1, 1) the sum −0.3 + 0.2 + 0.1 is 2.8e-17 in binary, 0 after rounding: the unit does not fire
  { gate: 'OR', w1: 0.2, w2: 0.1, b: -0.3, lr: 0.05 },
];
const csvOf = (s: PerceptronState) => new PerceptronModel(s).csv();
/** What "Train to the end" reaches from the state, as the NumPy program reports it. */
const trained = (s: PerceptronState) => {
  const r = train({ weights: [s.w1, s.w2], bias: s.b }, truthTable(s.gate), { lr: s.lr });
  return `trained: converged=${r.converged ? 'True' : 'False'} epochs=${r.epochs} w1=${jsNum(r.perceptron.weights[0])} w2=${jsNum(r.perceptron.weights[1])} b=${jsNum(r.perceptron.bias)}`;
};

describe('Perceptron lab: show me the code', () => {
  test.each(states)('the engine cell prints the widget’s CSV exactly ($gate, w₁ = $w1, w₂ = $w2, b = $b, η = $lr)', async (s) => {
    const run = await runEngine(perceptronCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
    expect(run.lines.join('\n')).toBe(csvOf(s));
  });

  test('the NumPy program for the default state is the golden one', async () => {
    expect(perceptronCode(DEFAULT_STATE).pythonKind).toBe('numpy');
    await expect(perceptronCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/perceptron-lab.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the NumPy program prints the widget’s CSV exactly and trains to the engine’s weights ($gate, w₁ = $w1, w₂ = $w2, b = $b, η = $lr)', (s) => {
    const run = spawnSync(pythonWithTorch() as string, ['-'], { input: perceptronCode(s).python, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.length > 0);
    // the rule's arithmetic is rounded to 9 places, so the numbers agree exactly
    expectSameHistory(lines, csvOf(s), 0, 'NumPy program');
    expect(run.stdout.trimEnd()).toBe(csvOf(s));
    expect(run.stderr.trim()).toBe(trained(s));
    console.log(`perceptron lab ${s.gate} (${s.w1}, ${s.w2}, ${s.b}), η = ${s.lr}: NumPy vs widget identical; ${run.stderr.trim()}`);
  }, 120_000);
});

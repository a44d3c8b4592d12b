/**
 * Data size: its engine cell and its PyTorch program print the widget's CSV. The widget has a CSV
 * only once Measure has run, so the test makes it as the widget's model does: the engine's job for
 * the dataset, written by the widget's resultCSV. Each measurement trains 80 models: slow tests.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { DATA_SIZE_DEFAULTS, dataSizeCurve, dataset, TEST_SEED } from '../../../src/engine/index.ts';
import { dataSizeCode } from '../../../src/widgets/DataSize/code.ts';
import { DEFAULT_STATE, type DataSizeState } from '../../../src/widgets/DataSize/model.svelte.ts';
import { resultCSV } from '../../../src/widgets/DataSize/readout.ts';
import { expectSameHistory, pythonWithTorch, runEngine, runPython } from './harness.ts';

const states: DataSizeState[] = [DEFAULT_STATE, { dataset: 'circle' }, { dataset: 'quadrants' }];
// 80 trainings a run: the engine cell and the whole PyTorch program run for the default dataset only
// (the other datasets differ only in the points, which the points test checks for all three).
const slow = [DEFAULT_STATE];
const csvs = new Map<string, string>();
/** The widget's CSV after Measure: DataSizeModel shows resultCSV of the engine's finished job. */
const csvOf = (s: DataSizeState) => {
  if (!csvs.has(s.dataset)) csvs.set(s.dataset, resultCSV(dataSizeCurve({ dataset: s.dataset })));
  return csvs.get(s.dataset)!;
};

describe('Data size: show me the code', () => {
  test('the engine cell asks for a time limit long enough for 80 trainings', () => {
    expect(dataSizeCode(DEFAULT_STATE).timeLimitMs).toBe(120_000);
  });

  test.each(slow)('the engine cell prints the widget’s CSV exactly ($dataset)', async (s) => {
    const run = await runEngine(dataSizeCode(s).engine);
    expect(run.error).toBeNull();
    expectSameHistory(run.lines, csvOf(s), 0, 'engine cell');
  }, 300_000);

  test('the PyTorch program for the default state is the golden one', async () => {
    await expect(dataSizeCode(DEFAULT_STATE).python).toMatchFileSnapshot('./golden/data-size.py');
  });

  test.skipIf(!pythonWithTorch()).each(states)('the PyTorch program makes the engine’s points ($dataset)', (s) => {
    const program = dataSizeCode(s).python.split('\nif __name__ == "__main__":')[0];
    const dump = `\nimport json\nprint(json.dumps([make(NAME, TEST_SIZE, TEST_SEED)] + [make(NAME, SIZES[-1], seed) for seed in range(1, REPEATS + 1)]))\n`;
    const run = spawnSync(pythonWithTorch() as string, ['-'], { input: program + dump, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const made: [number[][], number[]][] = JSON.parse(run.stdout);
    const engine = [
      dataset(s.dataset, { n: DATA_SIZE_DEFAULTS.testSize, seed: TEST_SEED }).train,
      ...Array.from({ length: DATA_SIZE_DEFAULTS.repeats }, (_, r) => dataset(s.dataset, { n: DATA_SIZE_DEFAULTS.sizes.at(-1)!, seed: r + 1 }).train),
    ];
    let worst = 0;
    engine.forEach((set, k) => {
      const [x, labels] = made[k];
      expect(labels).toEqual(set.labels);
      expect(x).toHaveLength(set.x.length);
      set.x.forEach((p, i) => p.forEach((v, c) => (worst = Math.max(worst, Math.abs(x[i][c] - v)))));
    });
    // the same points, but for a last digit where Python's sin, cos or sqrt rounds differently
    expect(worst).toBeLessThanOrEqual(1e-15);
    console.log(`data size ${s.dataset}: Python's points vs the engine's, largest difference ${worst.toExponential(1)}`);
  }, 120_000);

  test.skipIf(!pythonWithTorch()).each(slow)('the PyTorch program prints the widget’s CSV ($dataset)', (s) => {
    const lines = runPython(dataSizeCode(s).python, 900_000);
    // The linear model's loss is convex: its accuracies agree exactly. The networks' weights after
    // 1000 Adam steps agree to fewer digits, and a test point that close to the 0.5 line can land on
    // the other side: a few of 2000 points (0.0015, 3 points, seen on petals), so 0.005 (10 points) at most.
    const linear = (text: string[]) => text.map((l) => l.split(',').slice(0, 3).join(','));
    expect(linear(lines)).toEqual(linear(csvOf(s).trim().split('\r\n')));
    const worst = expectSameHistory(lines, csvOf(s), 5e-3, 'PyTorch program');
    console.log(`data size ${s.dataset}: PyTorch vs widget, linear identical, network accuracy largest difference ${worst.toExponential(1)}`);
  }, 900_000);
});

import { describe, expect, test } from 'vitest';
import { crossing, dataSizeCurve, type DataSizeResult } from '../../src/engine/index.ts';
import { DataSizeModel, DEFAULT_STATE, dataSizeSchema } from '../../src/widgets/DataSize/model.svelte.ts';
import { chartSeries, crossingSentence, endSentences, levelFrom, pct, range, resultCSV, tableRows } from '../../src/widgets/DataSize/readout.ts';

/** A small measurement, quick enough for a unit test: two sizes, two repeats, 30 steps. */
const SMALL = { sizes: [8, 32], repeats: 2, steps: 30, testSize: 100 } as const;

/** A result with the given mean curves (runs, min and max equal to the mean). */
function fake(linear: number[], network: number[], sizes = [8, 16, 32, 64]): DataSizeResult {
  const curve = (mean: number[]) => ({ mean, min: mean, max: mean, runs: mean.map((m) => [m]) });
  return { dataset: 'circle', sizes, linear: curve(linear), network: curve(network), crossing: crossing(sizes, linear, network) };
}

async function finish(model: DataSizeModel): Promise<void> {
  const end = Date.now() + 20_000;
  while (model.running && Date.now() < end) await new Promise((done) => setTimeout(done, 10));
}

describe('data-size readout', () => {
  test('pct and range print one decimal', () => {
    expect(pct(0.8646)).toBe('86.5%');
    expect(pct(1)).toBe('100.0%');
    expect(pct(NaN)).toBe('–');
    expect(range(0.683, 0.994)).toBe('68.3–99.4%');
  });

  test('crossingSentence names the sizes around the crossing and its log-interpolated point', () => {
    const r = fake([0.7, 0.8, 0.85, 0.86], [0.6, 0.75, 0.9, 0.95]);
    expect(r.crossing).toMatchObject({ kind: 'crossed', from: 16, to: 32 });
    const at = Math.round((r.crossing as { at: number }).at);
    expect(crossingSentence(r)).toBe(`The network passes the linear model between 16 and 32 training points (about ${at}).`);
  });

  test('crossingSentence for never says where the network catches up, or the last values', () => {
    const level = fake([0.9, 1, 1, 1], [0.8, 0.95, 1, 1]);
    expect(levelFrom(level)).toBe(2);
    expect(crossingSentence(level)).toBe('The network never passes the linear model here: it catches up at 32 training points, and from there on both score 100.0%.');
    const behind = fake([0.9, 0.95, 0.97, 0.98], [0.8, 0.85, 0.9, 0.93]);
    expect(levelFrom(behind)).toBeNull();
    expect(crossingSentence(behind)).toBe('The network never passes the linear model here: with 64 training points it scores 93.0%, the linear model 98.0%.');
    expect(crossingSentence(fake([0.5, 0.6, 0.7, 0.8], [0.6, 0.7, 0.8, 0.9]))).toBe('The network is ahead of the linear model at every size, from 8 to 64 training points.');
  });

  test('endSentences, tableRows, chartSeries and resultCSV read the same numbers', () => {
    const r = fake([0.7, 0.8, NaN, NaN], [0.6, 0.75, NaN, NaN]);
    expect(tableRows(r).map((row) => [row.size, row.linear, row.network])).toEqual([[8, '70.0%', '60.0%'], [16, '80.0%', '75.0%']]);
    const series = chartSeries(r);
    expect(series.map((s) => s.label)).toEqual(['Linear model, hand-made features', 'Linear model: lowest run', 'Linear model: highest run', 'Network 2-8-1, raw inputs', 'Network: lowest run', 'Network: highest run']);
    expect(series[0].points).toEqual([{ x: 8, y: 70 }, { x: 16, y: 80 }]);
    expect(resultCSV(r).trim().split('\r\n')).toEqual(['size,repeat,linear,network', '8,1,0.7,0.6', '16,1,0.8,0.75']);
    expect(endSentences(fake([0.7, 0.8, 0.85, 0.86], [0.6, 0.75, 0.9, 0.95])).network).toBe('Network on the raw inputs: 60.0% with 8 training points, 95.0% with 64.');
  });
});

describe('DataSizeModel', () => {
  test('starts on Three petals with nothing computed and no runner', () => {
    const m = new DataSizeModel({}, { worker: false });
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.shown).toBeNull();
    expect(m.progress).toBeNull();
    expect(m.where).toBeNull();
    expect(m.status).toBe('Nothing measured yet: Measure trains 80 models, which takes a few seconds.');
  });

  test('measure() on the main thread gives exactly the engine’s curve, cached per dataset', async () => {
    const m = new DataSizeModel({ dataset: 'circle' }, { worker: false, spec: SMALL });
    m.measure();
    expect(m.where).toBe('main');
    expect(m.running).toBe(true);
    expect(m.progress).toBe(0);
    await finish(m);
    const expected = dataSizeCurve({ ...SMALL, dataset: 'circle' });
    expect(m.finished).toEqual(expected);
    expect(m.status).toBe('Measured on Circle: 8 models, 30 steps each.');
    // another dataset has nothing yet; back to the circle shows the cached curve at once
    m.setDataset('quadrants');
    expect(m.shown).toBeNull();
    m.setDataset('circle');
    expect(m.shown).toEqual(expected);
    expect(m.csv().trim().split('\r\n')).toHaveLength(1 + SMALL.sizes.length * SMALL.repeats);
    m.destroy();
  });

  test('stop() cancels: nothing is cached, the status says so, and a new measure starts over', async () => {
    const m = new DataSizeModel({}, { worker: false, spec: SMALL });
    m.measure();
    m.stop();
    expect(m.running).toBe(false);
    expect(m.shown).toBeNull();
    expect(m.status).toBe('Stopped. Press Measure to start again.');
    await new Promise((done) => setTimeout(done, 100));
    expect(m.shown).toBeNull();
    m.measure();
    await finish(m);
    expect(m.finished).toEqual(dataSizeCurve({ ...SMALL, dataset: 'petals' }));
    m.destroy();
  });

  test('fromState restores the dataset without measuring; the schema refuses anything else', () => {
    const m = new DataSizeModel({}, { worker: false });
    m.fromState({ dataset: 'quadrants' });
    expect(m.dataset).toBe('quadrants');
    expect(m.running).toBe(false);
    expect(m.where).toBeNull();
    expect(dataSizeSchema.safeParse({ dataset: 'spirals' }).success).toBe(false);
    expect(dataSizeSchema.safeParse({ dataset: 'circle', run: true }).success).toBe(false);
    expect(() => m.fromState({ dataset: 'xor' } as never)).toThrow();
    expect(m.dataset).toBe('quadrants');
  });
});

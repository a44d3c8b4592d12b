/**
 * The data-size widget's assignments. A link carries only the points; once Measure has run, the
 * widget shows the engine's fixed measurement for them (80 seeded trainings), and a fresh replay
 * runs that measurement again from scratch. Each full measurement takes seconds: slow tests, so each
 * dataset is measured once by the widget and replayed once, and the verdicts reuse them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataSizeAssign, DATA_SIZE_MEASURES, replayDataSize } from '../../../src/widgets/DataSize/assign.ts';
import { DataSizeModel, DEFAULT_STATE, type DataSizeState } from '../../../src/widgets/DataSize/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment, type Values } from '../../../src/lib/assignment.ts';

// jsdom has no animation frames; the main-thread runner then waits 16 ms a frame. Run its frames
// back to back instead (the same slices of work, only less idle time between them).
const realRaf = globalThis.requestAnimationFrame;
beforeAll(() => {
  globalThis.requestAnimationFrame = ((cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 0)) as unknown as typeof requestAnimationFrame;
});
afterAll(() => {
  globalThis.requestAnimationFrame = realRaf;
});

/** A widget that opened the state's link and measured (Measure pressed, on the main thread). */
async function measured(state: DataSizeState): Promise<DataSizeModel> {
  const m = new DataSizeModel({}, { worker: false });
  m.fromState(structuredClone(state));
  m.measure();
  const end = Date.now() + 400_000;
  while (m.running && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  expect(m.error).toBe('');
  expect(m.finished).not.toBeNull();
  return m;
}

const replays = new Map<string, Promise<Values>>();
const replay = (s: DataSizeState) => {
  if (!replays.has(s.dataset)) replays.set(s.dataset, replayDataSize(structuredClone(s)));
  return replays.get(s.dataset)!;
};

// One measurement by the widget is enough to tie it to the replay (each takes seconds); the other
// datasets are replayed only, below.
const states: [string, DataSizeState][] = [['the default (three petals)', DEFAULT_STATE]];

/** Find points on which the network never passes the linear model. */
const never: Assignment = { v: 1, widget: 'data-size', lesson: '01-ai-ml-dl', note: '', goals: [{ m: 'crossing', op: '=', v: 'never' }] };

describe('Data size: assignments', () => {
  test('before Measure the widget shows no curve, so it measures nothing but the points', () => {
    const m = new DataSizeModel({}, { worker: false });
    expect(dataSizeAssign(m).read()).toEqual({ dataset: 'petals', measured: false, crossing: null, crossAt: null, linearSmall: null, networkSmall: null, linearLarge: null, networkLarge: null });
  });

  test.each(states)('a fresh replay measures what the widget shows after opening the link and pressing Measure: %s', async (_name, s) => {
    const m = await measured(s);
    const live = dataSizeAssign(m).read();
    expect(await replay(s)).toEqual(live);
    expect(live.measured).toBe(true);
  }, 600_000);

  test('hand-checked values: the chapter’s figures', async () => {
    const petals = await replay(DEFAULT_STATE);
    // "The network passes it between 16 and 32 training points": about 29
    expect(petals.crossing).toBe('crossed');
    expect(Math.round(petals.crossAt as number)).toBe(29);
    // "85.7% at 1024" for the linear model, "98.7% at 1024" for the network: means of 5 runs on
    // 2000 fresh points, so whole counts of 10 000
    expect((petals.linearLarge as number).toFixed(1)).toBe('85.7');
    expect((petals.networkLarge as number).toFixed(1)).toBe('98.7');
    for (const id of ['linearSmall', 'networkSmall', 'linearLarge', 'networkLarge']) {
      const correct = (petals[id] as number) * 100;
      expect(Math.abs(correct - Math.round(correct))).toBeLessThan(1e-9);
    }
    // the circle: never passes, both perfect at 1024
    const circle = await replay({ dataset: 'circle' });
    expect(circle).toMatchObject({ crossing: 'never', crossAt: null, linearLarge: 100, networkLarge: 100 });
    const quadrants = await replay({ dataset: 'quadrants' });
    expect(quadrants.crossing).toBe('crossed');
    expect(quadrants.crossAt as number).toBeGreaterThan(512);
    expect(quadrants.crossAt as number).toBeLessThan(1024);
  }, 600_000);

  test('worked example: from the default, choose the circle and press Measure to meet "the network passes the linear model = never"', async () => {
    expect(assignmentProblem(never, DATA_SIZE_MEASURES)).toBeNull();
    const start = await replay(DEFAULT_STATE);
    expect(verdict({ a: never, claimed: start }, DATA_SIZE_MEASURES, start).met).toBe(false);
    const circle = await replay({ dataset: 'circle' });
    const v = verdict({ a: never, claimed: circle }, DATA_SIZE_MEASURES, circle);
    expect(v.met).toBe(true);
    expect(v.mismatches).toEqual([]);
  }, 600_000);

  test('a forged result: the circle’s claims on a petals link are caught', async () => {
    const claimed = await replay({ dataset: 'circle' });
    const forged = verdict({ a: never, claimed }, DATA_SIZE_MEASURES, await replay(DEFAULT_STATE));
    expect(forged.met).toBe(false);
    // (the circle's empty "where it passes" is no claim: a value the page had not measured)
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['points', 'the network passes the linear model']));
  }, 600_000);

  test('assignment problems name a measure the widget lacks and a value out of range', () => {
    const with_ = (goals: Assignment['goals']): Assignment => ({ ...never, goals });
    expect(assignmentProblem(with_([{ m: 'networkLarge', op: '>=', v: 98 }, { m: 'measured', op: '=', v: true }]), DATA_SIZE_MEASURES)).toBeNull();
    expect(assignmentProblem(with_([{ m: 'testLoss', op: '<', v: 0.1 }]), DATA_SIZE_MEASURES)).toBe('this widget cannot measure "testLoss"');
    expect(assignmentProblem(with_([{ m: 'crossAt', op: '<', v: 2048 }]), DATA_SIZE_MEASURES)).toBe('training points where the network passes is at most 1024');
    expect(assignmentProblem(with_([{ m: 'crossing', op: '=', v: 'sometimes' }]), DATA_SIZE_MEASURES)).toBe('the network passes the linear model cannot be "sometimes"');
  });
});

/**
 * The playground's assignments: the measures its live run shows are the ones a fresh replay of its
 * share link reaches, so a result link made by a learner is judged by what the run really does,
 * and a forged one (edited claims, or a state that does not reach the goal) is refused.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { playgroundAssign, PLAYGROUND_MEASURES, replayPlayground } from '../../../src/widgets/NetworkPlayground/assign.ts';
import { PlaygroundModel } from '../../../src/widgets/NetworkPlayground/model.svelte.ts';
import { DEFAULT_STATE, PRESETS, type PlaygroundState } from '../../../src/widgets/NetworkPlayground/settings.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

/** A model that opened the state's link and replayed its epochs on the main thread. */
async function opened(state: PlaygroundState): Promise<PlaygroundModel> {
  const m = new PlaygroundModel();
  m.fromState(structuredClone(state));
  const stop = m.attach({ worker: false });
  for (let i = 0; i < 4000 && m.replayTarget !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    m.flush();
  }
  m.flush();
  stop();
  return m;
}

const states: [string, PlaygroundState][] = [
  ['the default, untrained', DEFAULT_STATE],
  ['the default after 60 epochs', { ...DEFAULT_STATE, epochs: 60 }],
  ['XOR after 200 epochs', { ...PRESETS.xor, epochs: 200 } as PlaygroundState],
  ['three classes, Adam, 40 epochs', { ...PRESETS.classes, optimizer: 'adam', lr: 0.01, epochs: 40 } as PlaygroundState],
];

describe('Network playground: assignments', () => {
  beforeEach(() => localStorage.clear());

  test.each(states)('a fresh replay measures what the widget shows after opening the link: %s', async (_name, s) => {
    const m = await opened(s);
    const live = playgroundAssign(m).read();
    const replayed = await replayPlayground(structuredClone(s));
    expect(replayed).toEqual(live);
    expect(replayed.epochs).toBe(s.epochs);
  }, 60_000);

  test('the measures are whole-count accuracies and the network size, from the state', async () => {
    const v = await replayPlayground({ ...DEFAULT_STATE, epochs: 0 });
    // 2-4-2-1: 4 + 2 hidden units, 2·4+4 + 4·2+2 + 2·1+1 = 25 parameters
    expect(v.hiddenUnits).toBe(6);
    expect(v.hiddenLayers).toBe(2);
    expect(v.parameters).toBe(25);
    expect(v.dataset).toBe('circle');
    const acc = v.testAccuracy as number;
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(acc).toBeLessThanOrEqual(100);
    // an accuracy in percent of a whole count: correct = acc × count / 100 is a whole number
    const m = await opened(DEFAULT_STATE);
    const correct = (acc * m.testCount) / 100;
    expect(Math.abs(correct - Math.round(correct))).toBeLessThan(1e-9);
  });

  test('a result that meets the goal is met on replay; forged claims and a state that falls short are caught', async () => {
    const a: Assignment = { v: 1, widget: 'playground', lesson: '04-deep-networks', note: '', goals: [{ m: 'testLoss', op: '<', v: 0.3 }, { m: 'hiddenUnits', op: '<=', v: 6 }] };
    expect(assignmentProblem(a, PLAYGROUND_MEASURES)).toBeNull();
    const trained = { ...DEFAULT_STATE, epochs: 300 };
    const replayed = await replayPlayground(trained);
    expect(replayed.testLoss as number).toBeLessThan(0.3);
    const honest = verdict({ a, claimed: replayed }, PLAYGROUND_MEASURES, replayed);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);

    // the same claims with a state trained for 3 epochs: the replay does not reach the goal
    const short = await replayPlayground({ ...DEFAULT_STATE, epochs: 3 });
    expect(short.testLoss as number).toBeGreaterThan(0.3);
    const forged = verdict({ a, claimed: replayed }, PLAYGROUND_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['test loss', 'epochs trained']));
  }, 60_000);
});

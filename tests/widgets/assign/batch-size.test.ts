/**
 * Batch size: assignments. The losses and step counts the widget shows after opening a state's
 * link are what a fresh replay of that state measures, they match its CSV and the chapter, and a
 * result link is judged by the replay alone.
 */
import { describe, expect, test } from 'vitest';
import { batchAssign, BATCH_MEASURES, replayBatch } from '../../../src/widgets/BatchSize/assign.ts';
import { BatchModel, DEFAULT_STATE, type BatchState } from '../../../src/widgets/BatchSize/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';
import { parseCSV } from '../code/harness.ts';

function opened(state: BatchState): BatchModel {
  const m = new BatchModel();
  m.fromState(structuredClone(state));
  return m;
}

const states: [string, BatchState][] = [
  ['the default, untrained', DEFAULT_STATE],
  ['η = 0.3, 60 epochs', { lr: 0.3, epochs: 60, trained: 60 }],
  ['η = 0.03, 20 epochs', { lr: 0.03, epochs: 20, trained: 20 }],
  ['η = 1, 100 epochs', { lr: 1, epochs: 100, trained: 100 }],
  ['η = 0.3, paused after 10 of 60 epochs', { lr: 0.3, epochs: 60, trained: 10 }],
];

const assignment = (goals: Assignment['goals']): Assignment => ({ v: 1, widget: 'batch-size', lesson: '06-optimizers', note: '', goals });

describe('Batch size: assignments', () => {
  test.each(states)('a fresh replay measures what the widget shows after opening the link: %s', async (_name, s) => {
    const live = batchAssign(opened(s)).read();
    expect(await replayBatch(structuredClone(s))).toEqual(live);
  }, 60_000);

  test('the measures are the widget’s CSV, the steps per epoch and the chapter’s numbers', async () => {
    // untrained: the three runs share one start, so no batch size is ahead
    const start = await replayBatch(DEFAULT_STATE);
    expect(start).toMatchObject({ epochs: 0, steps1: 0, steps16: 0, stepsFull: 0, best: null });
    expect(start.loss1).toBe(start.lossFull);
    // 10 epochs at η = 0.3: 200, ⌈200/16⌉ = 13 and 1 steps an epoch; losses 0.17 and 0.70 (the chapter)
    const s10: BatchState = { lr: 0.3, epochs: 60, trained: 10 };
    const v = await replayBatch(s10);
    expect(v).toMatchObject({ epochs: 10, steps1: 2000, steps16: 130, stepsFull: 10, best: '1' });
    expect((v.loss1 as number).toFixed(2)).toBe('0.17');
    expect((v.lossFull as number).toFixed(2)).toBe('0.70');
    // each loss is the run's last row in the widget's CSV (batch, epoch, steps, loss, ms)
    const rows = parseCSV(opened(s10).csv()).rows;
    const lastOf = (b: string) => rows.filter((r) => r[0] === b).at(-1)!;
    expect(lastOf('1').slice(1, 4).map(Number)).toEqual([10, 2000, v.loss1]);
    expect(lastOf('16').slice(1, 4).map(Number)).toEqual([10, 130, v.loss16]);
    expect(lastOf('full').slice(1, 4).map(Number)).toEqual([10, 10, v.lossFull]);
  }, 60_000);

  test('a goal met is met on replay; a forged result (claims kept, state changed) is caught', async () => {
    const a = assignment([{ m: 'lossFull', op: '<', v: 0.3 }]);
    expect(assignmentProblem(a, BATCH_MEASURES)).toBeNull();
    const good = await replayBatch({ lr: 1, epochs: 100, trained: 100 });
    const honest = verdict({ a, claimed: good }, BATCH_MEASURES, good);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);
    // the same claims with the default η = 0.3 trained 60 epochs: the full batch is still at 0.68
    const short = await replayBatch({ lr: 0.3, epochs: 60, trained: 60 });
    expect(short.lossFull as number).toBeGreaterThan(0.6);
    const forged = verdict({ a, claimed: good }, BATCH_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['loss with the full batch', 'learning rate', 'epochs trained', 'steps taken with batch 1']));
  }, 60_000);

  test('assignmentProblem names a measure the widget lacks and a value out of range', () => {
    expect(assignmentProblem(assignment([{ m: 'testLoss', op: '<', v: 0.2 }]), BATCH_MEASURES)).toMatch(/cannot measure "testLoss"/);
    expect(assignmentProblem(assignment([{ m: 'epochs', op: '<=', v: 150 }]), BATCH_MEASURES)).toBe('epochs trained is at most 100');
    expect(assignmentProblem(assignment([{ m: 'stepsFull', op: '>=', v: 200 }]), BATCH_MEASURES)).toBe('steps taken with the full batch is at most 100');
    expect(assignmentProblem(assignment([{ m: 'best', op: '=', v: '32' }]), BATCH_MEASURES)).toBe('batch size with the lowest loss cannot be "32"');
  });

  test('worked example: the full batch below a loss of 0.3 (η = 1, 100 epochs, Train)', async () => {
    const a = assignment([{ m: 'lossFull', op: '<', v: 0.3 }]);
    const m = opened(DEFAULT_STATE);
    const before = batchAssign(m).read();
    expect(verdict({ a, claimed: before }, BATCH_MEASURES, before).met).toBe(false);
    // what the learner does: η = 1 and 100 epochs, then Train (the widget's own frame loop)
    m.setLr(1);
    m.setEpochs(100);
    m.train();
    const deadline = Date.now() + 120_000;
    while (m.running && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    const reached = m.toState();
    expect(reached).toEqual({ lr: 1, epochs: 100, trained: 100 });
    const v = await replayBatch(reached);
    expect((v.lossFull as number).toFixed(3)).toBe('0.262');
    const result = verdict({ a, claimed: batchAssign(m).read() }, BATCH_MEASURES, v);
    expect(result.met).toBe(true);
    expect(result.mismatches).toEqual([]);
    // with 60 epochs or η = 0.3 it falls short
    expect((await replayBatch({ lr: 1, epochs: 60, trained: 60 })).lossFull as number).toBeGreaterThan(0.3);
  }, 150_000);
});

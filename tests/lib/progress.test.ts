import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  clearProgress,
  doneIds,
  isDone,
  isValidProgressId,
  lessonProgressIds,
  markDone,
  MAX_PROGRESS_IDS,
  PROGRESS_KEY,
  type ProgressStorage,
} from '../../src/lib/progress.ts';

/** An in-memory Web Storage stand-in that can be told to refuse writes or reads. */
class FakeStorage implements ProgressStorage {
  data = new Map<string, string>();
  refuseWrites = false;
  refuseReads = false;
  getItem(key: string): string | null {
    if (this.refuseReads) throw new Error('SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuseWrites) throw new Error('QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

let storage: FakeStorage;
beforeEach(() => {
  storage = new FakeStorage();
});
afterEach(() => {
  clearProgress(storage);
});

describe('progress', () => {
  test('markDone(id) then isDone(id) is true; other ids stay false', () => {
    expect(isDone('ch2-sum', storage)).toBe(false);
    markDone('ch2-sum', storage);
    expect(isDone('ch2-sum', storage)).toBe(true);
    expect(isDone('ch2-nand', storage)).toBe(false);
  });

  test('markDone stores {v: 1, done: [...]} under nn-progress', () => {
    markDone('ch2-sum', storage);
    markDone('ch2-nand', storage);
    expect(PROGRESS_KEY).toBe('nn-progress');
    expect(JSON.parse(storage.data.get('nn-progress')!)).toEqual({ v: 1, done: ['ch2-sum', 'ch2-nand'] });
  });

  test('markDone is idempotent and doneIds keeps the order of first completion', () => {
    markDone('b', storage);
    markDone('a', storage);
    markDone('b', storage);
    expect(doneIds(storage)).toEqual(['b', 'a']);
  });

  test('progress survives a "reload": a new reader of the same storage sees it', () => {
    markDone('ch3-sigmoid-max', storage);
    const reloaded = new FakeStorage();
    reloaded.data = new Map(storage.data);
    expect(isDone('ch3-sigmoid-max', reloaded)).toBe(true);
  });

  test.each(['', ' ', '-leading-dash', 'has space', 'x'.repeat(101), '<script>', 42, null])(
    'markDone ignores the invalid id %j',
    (id) => {
      markDone(id as string, storage);
      expect(doneIds(storage)).toEqual([]);
      expect(isValidProgressId(id)).toBe(false);
    },
  );

  test.each(['ch2-sum', 'ch4.challenge:circle', 'A_1'])('isValidProgressId(%j) is true', (id) => {
    expect(isValidProgressId(id)).toBe(true);
  });

  test.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['done not an array', '{"done": "ch2-sum"}'],
    ['an array at the top', '["ch2-sum"]'],
  ])('a corrupt stored value (%s) reads as nothing done, and markDone repairs it', (_name, value) => {
    storage.data.set(PROGRESS_KEY, value);
    expect(doneIds(storage)).toEqual([]);
    markDone('ch2-sum', storage);
    expect(doneIds(storage)).toEqual(['ch2-sum']);
  });

  test('malformed entries inside done are skipped, duplicates dropped', () => {
    storage.data.set(PROGRESS_KEY, JSON.stringify({ v: 1, done: ['a', 7, null, 'a', { x: 1 }, 'b c', 'b'] }));
    expect(doneIds(storage)).toEqual(['a', 'b']);
  });

  test('a storage that refuses writes still remembers for this page', () => {
    storage.refuseWrites = true;
    expect(() => markDone('ch2-sum', storage)).not.toThrow();
    expect(isDone('ch2-sum', storage)).toBe(true);
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });

  test('a storage that refuses reads gives "nothing done" instead of throwing', () => {
    storage.refuseReads = true;
    expect(() => doneIds(storage)).not.toThrow();
    expect(isDone('ch2-sum', storage)).toBe(false);
  });

  test(`at most MAX_PROGRESS_IDS (${MAX_PROGRESS_IDS}) ids are kept, the oldest dropped`, () => {
    const ids = Array.from({ length: MAX_PROGRESS_IDS + 5 }, (_, i) => `id${i}`);
    storage.data.set(PROGRESS_KEY, JSON.stringify({ v: 1, done: ids.slice(0, -1) }));
    markDone(ids[ids.length - 1], storage);
    const kept = doneIds(storage);
    expect(kept).toHaveLength(MAX_PROGRESS_IDS);
    expect(kept[0]).toBe('id5');
    expect(kept[kept.length - 1]).toBe(`id${MAX_PROGRESS_IDS + 4}`);
  });

  test('clearProgress forgets everything', () => {
    markDone('a', storage);
    clearProgress(storage);
    expect(doneIds(storage)).toEqual([]);
  });

  test('with the default storage (none in Node: the in-memory fallback) markDone and isDone work', () => {
    markDone('node-only');
    expect(isDone('node-only')).toBe(true);
    clearProgress();
    expect(isDone('node-only')).toBe(false);
  });
});

describe('lessonProgressIds', () => {
  test('lessonProgressIds(source) finds each Exercise id and each ChallengeStatus / Challenge id, in order, once', () => {
    const source = [
      "import Exercise from '../../src/components/lesson/Exercise.svelte';",
      '',
      '<Exercise client:visible id="ch2-sum" kind="numeric" answer={0.3}>What is z?</Exercise>',
      '<Exercise',
      '  client:visible',
      '  kind="choice"',
      "  choices={['a > b', 'b']}",
      '  answer={1 > 0 ? 1 : 0}',
      '  id="ch2-xor"',
      '>',
      '  Which?',
      '</Exercise>',
      '<ChallengeStatus client:visible id="ch2-nand" done="x" todo="y" />',
      '<Challenge id="ch2-nand" />',
      '<ExerciseList id="not-an-exercise" />',
      '<Exercise client:visible id="ch2-sum" kind="numeric" answer={1} />',
    ].join('\n');
    expect(lessonProgressIds(source)).toEqual({ exercises: ['ch2-sum', 'ch2-xor'], challenges: ['ch2-nand'] });
  });

  test('lessonProgressIds of a lesson without exercises or challenges is empty', () => {
    expect(lessonProgressIds('# Title\n\nJust prose, with a <span id="x">span</span>.')).toEqual({ exercises: [], challenges: [] });
  });
});

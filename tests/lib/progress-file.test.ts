/**
 * Progress across browsers and over time: chapters read, the last place, export to a file and
 * import back (merged; a bad file changes nothing and says why), and stored data from an older
 * format or damaged by hand recovered without an error.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { clearAll, doneIds, isDone, LAST_KEY, lastVisit, markDone, PROGRESS_KEY, readId, saveLastVisit, unmarkDone, type LastVisit, type ProgressStorage } from '../../src/lib/progress.ts';
import { exportProgress, importProgress, MAX_PROGRESS_FILE, PROGRESS_FORMAT } from '../../src/lib/progress-file.ts';

class FakeStorage implements ProgressStorage {
  data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const place = (at: number, section = 'the-chain-rule'): LastVisit => ({ lesson: '05-backpropagation', chapter: 5, title: 'Backpropagation and loss', section, sectionTitle: 'The chain rule', at });
let a: FakeStorage;
let b: FakeStorage;
beforeEach(() => {
  a = new FakeStorage();
  b = new FakeStorage();
});

describe('chapters read and the last place', () => {
  test('a chapter read is a progress id; unmarking forgets only it', () => {
    markDone('ch2-and', a);
    markDone(readId('02-perceptron'), a);
    expect(isDone('read:02-perceptron', a)).toBe(true);
    unmarkDone('read:02-perceptron', a);
    expect(doneIds(a)).toEqual(['ch2-and']);
  });

  test('the last place is kept, and a malformed one is neither saved nor read', () => {
    saveLastVisit(place(1000), a);
    expect(lastVisit(a)).toEqual(place(1000));
    saveLastVisit({ ...place(2000), section: 'x y' }, a);
    expect(lastVisit(a)?.at).toBe(1000);
    saveLastVisit({ ...place(2000), extra: 1 } as LastVisit, a);
    expect(lastVisit(a)?.at).toBe(1000);
    for (const bad of ['{', 'null', '[]', '{"lesson":"x"}', JSON.stringify({ ...place(1), chapter: 'five' })]) {
      a.setItem(LAST_KEY, bad);
      expect(lastVisit(a), bad).toBeNull();
    }
  });

  test('old and damaged stored progress is recovered without an error', () => {
    // the list with junk in it, under a version this code does not know
    a.setItem(PROGRESS_KEY, JSON.stringify({ v: 7, done: ['ch2-and', 42, null, '<script>', 'ch2-and'] }));
    expect(doneIds(a)).toEqual(['ch2-and']);
    // not JSON at all; a number; an object without the list; a bare list; text
    for (const bad of ['{{{', '42', '{"v":1}', '["ch2-and"]', '"text"']) {
      a.setItem(PROGRESS_KEY, bad);
      expect(doneIds(a), bad).toEqual([]);
      expect(() => markDone('ch4-xor', a)).not.toThrow();
      expect(doneIds(a)).toEqual(['ch4-xor']);
    }
  });
});

describe('export and import', () => {
  test('what one browser exports, another imports: the same ids, the last place, nothing lost on either side', () => {
    markDone('ch2-and', a);
    markDone(readId('02-perceptron'), a);
    saveLastVisit(place(5000), a);
    markDone('ch6-race', b);
    saveLastVisit(place(1000, 'loss'), b);

    const text = exportProgress(new Date('2026-12-01T12:00:00Z'), a);
    const file = JSON.parse(text);
    expect(file).toEqual({ format: PROGRESS_FORMAT, version: 1, exported: '2026-12-01T12:00:00.000Z', done: ['ch2-and', 'read:02-perceptron'], last: place(5000) });

    expect(importProgress(text, b)).toEqual({ ok: true, added: 2, total: 3 });
    expect(doneIds(b)).toEqual(['ch6-race', 'ch2-and', 'read:02-perceptron']);
    expect(lastVisit(b)).toEqual(place(5000)); // the later place wins
    // importing again adds nothing
    expect(importProgress(text, b)).toEqual({ ok: true, added: 0, total: 3 });
    // an older last place does not replace a newer one
    saveLastVisit(place(9000, 'loss'), b);
    importProgress(text, b);
    expect(lastVisit(b)?.section).toBe('loss');
  });

  test('a bad file changes nothing and says why', () => {
    markDone('ch6-race', b);
    const before = [...b.data];
    const good = JSON.parse(exportProgress(new Date(0), b));
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['', /not JSON/],
      [JSON.stringify({ hello: 1 }), /not a Neural Notebook progress file/],
      [JSON.stringify({ ...good, version: 2 }), /damaged \(version/],
      [JSON.stringify({ ...good, done: ['ok', '<img src=x onerror=alert(1)>'] }), /damaged \(done\.1: not a progress id\)/],
      [JSON.stringify({ ...good, extra: true }), /damaged/],
      [JSON.stringify({ ...good, last: { lesson: 'x' } }), /damaged \(last/],
      [JSON.stringify({ ...good, done: Array.from({ length: 2001 }, (_, i) => `id${i}`) }), /damaged \(done/],
      ['x'.repeat(MAX_PROGRESS_FILE + 1), /larger than 256 KB/],
    ];
    for (const [text, reason] of cases) {
      const result = importProgress(text, b);
      expect(result.ok, text.slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
      expect([...b.data]).toEqual(before);
    }
  });

  test('clearAll forgets progress and the last place', () => {
    markDone('ch2-and', a);
    saveLastVisit(place(1), a);
    clearAll(a);
    expect(doneIds(a)).toEqual([]);
    expect(lastVisit(a)).toBeNull();
  });
});

import { afterEach, describe, expect, test, vi } from 'vitest';
import { inTurn } from '../../src/lib/turns.ts';

/** Resolves after `n` more timer tasks (a timer queues behind messages already posted). */
const tasks = (n: number) => new Promise<void>((done) => (n <= 0 ? done() : setTimeout(() => void tasks(n - 1).then(done), 0)));

afterEach(() => vi.restoreAllMocks());

describe('inTurn', () => {
  test('runs the jobs in order, each in a task of its own: microtasks run between them', async () => {
    const log: string[] = [];
    for (const name of ['a', 'b', 'c'])
      inTurn(() => {
        log.push(name);
        queueMicrotask(() => log.push(`${name} microtask`));
      });
    // not in the caller's task, nor in its microtasks
    await Promise.resolve();
    expect(log).toEqual([]);
    await tasks(5);
    // in one task, b would run before a's microtask
    expect(log).toEqual(['a', 'a microtask', 'b', 'b microtask', 'c', 'c microtask']);
  });

  test('a job that throws is logged, and the ones queued after it still run', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ran: number[] = [];
    inTurn(() => {
      throw new Error('boom');
    });
    inTurn(() => ran.push(2));
    await tasks(5);
    expect(ran).toEqual([2]);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
  });

  test('a job queued by a running job runs after the rest of the queue', async () => {
    const log: string[] = [];
    inTurn(() => {
      log.push('first');
      inTurn(() => log.push('queued by first'));
    });
    inTurn(() => log.push('second'));
    await tasks(5);
    expect(log).toEqual(['first', 'second', 'queued by first']);
  });
});

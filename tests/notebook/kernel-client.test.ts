// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { Kernel } from '../../src/notebook/kernel-client.ts';
import type { KernelCommand, KernelMessage, Output } from '../../src/notebook/protocol.ts';
import { Runtime } from '../../src/notebook/runtime.ts';

/** A stand-in for the kernel worker: the real Runtime, answering asynchronously; `hang` never answers. */
class FakeWorker {
  static made = 0;
  static terminated = 0;
  onmessage: ((event: MessageEvent<KernelMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private readonly runtime = new Runtime({});
  constructor() {
    FakeWorker.made++;
  }
  postMessage(command: KernelCommand): void {
    if (command.type !== 'run') return;
    if (command.source.includes('hang')) return;
    void this.runtime.run(command.source, (o) => this.send({ type: 'output', id: command.id, outputs: [o] })).then((r) => this.send({ type: 'done', id: command.id, status: r.status, ms: 1 }));
  }
  terminate(): void {
    FakeWorker.terminated++;
  }
  private send(message: KernelMessage): void {
    setTimeout(() => this.onmessage?.({ data: message } as MessageEvent<KernelMessage>), 0);
  }
}

function kernel() {
  FakeWorker.made = 0;
  FakeWorker.terminated = 0;
  return new Kernel({ createWorker: () => new FakeWorker() as unknown as Worker });
}

describe('Kernel', () => {
  test('run: no worker until the first run; runs queue in order, share state and count up', async () => {
    const k = kernel();
    expect(FakeWorker.made).toBe(0);
    const seen: Output[][] = [];
    const a = k.run('const x = 2', (o) => seen.push(o));
    const b = k.run('x * 21', (o) => seen.push(o));
    expect(FakeWorker.made).toBe(1);
    expect([a.count, b.count]).toEqual([1, 2]);
    expect(k.busy).toBe(true);
    expect((await a.done).status).toBe('ok');
    expect(await b.done).toMatchObject({ status: 'ok', count: 2 });
    expect(seen.flat()).toEqual([{ kind: 'text', stream: 'result', text: '42' }]);
    expect(k.busy).toBe(false);
  });

  test('a run past its time limit is stopped with a notice; the worker is replaced and the state is gone', async () => {
    vi.useFakeTimers();
    try {
      const k = kernel();
      const first = k.run('const y = 1', () => undefined);
      await vi.runAllTimersAsync();
      expect((await first.done).status).toBe('ok');
      const out: Output[] = [];
      const stuck = k.run('hang()', (o) => out.push(...o), { timeLimitMs: 1000 });
      const queued = k.run('y', () => undefined);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await stuck.done).toMatchObject({ status: 'timeout' });
      expect((await queued.done).status).toBe('timeout');
      expect(out[0]).toMatchObject({ kind: 'notice', text: expect.stringMatching(/Stopped after 1 s/) });
      expect(FakeWorker.terminated).toBe(1);
      expect(k.generation).toBe(1);
      expect(k.counter).toBe(0);
      const again: Output[] = [];
      const r = k.run('y', (o) => again.push(...o));
      await vi.runAllTimersAsync();
      expect((await r.done).status).toBe('error');
      expect(again[0]).toMatchObject({ kind: 'error', message: 'y is not defined' });
      expect(FakeWorker.made).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  test('stop ends the running cell at once; restart clears the counter', async () => {
    const k = kernel();
    const r = k.run('hang()', () => undefined);
    k.stop();
    expect(await r.done).toMatchObject({ status: 'stopped' });
    await k.run('1', () => undefined).done;
    expect(k.counter).toBe(1);
    k.restart();
    expect(k.counter).toBe(0);
    expect(k.generation).toBe(2);
  });

  test('runAllAbove runs the registered cells above, in page order, and stops at the first failure', async () => {
    const k = kernel();
    document.body.innerHTML = '<div id="a"></div><div id="b"></div><div id="c"></div><div id="d"></div>';
    const ran: string[] = [];
    const cell = (id: string, source: string) => ({
      id,
      element: document.getElementById(id)!,
      run: () => {
        ran.push(id);
        return k.run(source, () => undefined).done;
      },
    });
    // registered out of page order on purpose
    k.register(cell('c', 'z'));
    k.register(cell('b', 'const z = 1'));
    k.register(cell('a', 'const w = 0'));
    k.register(cell('d', 'z'));
    expect(k.cellsAbove('d').map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(await k.runAllAbove('d')).toBe('ok');
    expect(ran).toEqual(['a', 'b', 'c']);
    k.restart();
    ran.length = 0;
    const unregister = k.register(cell('b', 'missing'));
    expect(await k.runAllAbove('d')).toBe('error');
    expect(ran).toEqual(['a', 'b']);
    unregister();
    expect(k.cellsAbove('d').map((c) => c.id)).toEqual(['a', 'c']);
  });
});

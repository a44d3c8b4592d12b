import { describe, expect, test } from 'vitest';
import { appendOutputs, errorLine } from '../../../src/components/lesson/cell/outputs.ts';
import type { Output } from '../../../src/notebook/protocol.ts';

const out = (text: string): Output => ({ kind: 'text', stream: 'out', text });

describe('appendOutputs', () => {
  test('appendOutputs merges consecutive printed lines into one block, one line each', () => {
    const list = appendOutputs(appendOutputs([], [out('a'), out('b')]), [out('c')]);
    expect(list).toEqual([out('a\nb\nc')]);
  });

  test('appendOutputs keeps a line that already ends with a newline from doubling it', () => {
    expect(appendOutputs([out('a\n')], [out('b')])).toEqual([out('a\nb')]);
  });

  test('appendOutputs keeps results, tables and errors apart, in order, and never changes its input', () => {
    const result: Output = { kind: 'text', stream: 'result', text: '3' };
    const table: Output = { kind: 'table', columns: ['x'], rows: [['1']], more: 0 };
    const first = [out('a')];
    const list = appendOutputs(first, [table, out('b'), result, out('c')]);
    expect(list).toEqual([out('a'), table, out('b'), result, out('c')]);
    expect(first).toEqual([out('a')]);
  });

  test('appendOutputs of 10 000 printed lines makes one block', () => {
    let list: Output[] = [];
    for (let i = 0; i < 200; i++) list = appendOutputs(list, Array.from({ length: 50 }, (_, j) => out(String(i * 50 + j))));
    expect(list).toHaveLength(1);
    expect((list[0] as { text: string }).text.split('\n')).toHaveLength(10_000);
  });
});

describe('errorLine', () => {
  test('errorLine is the line of the first error that has one', () => {
    expect(errorLine([out('a'), { kind: 'error', name: 'Error', message: 'x', line: null, column: null }])).toBeNull();
    expect(errorLine([{ kind: 'error', name: 'TypeError', message: 'x', line: 4, column: 2 }])).toBe(4);
  });
});

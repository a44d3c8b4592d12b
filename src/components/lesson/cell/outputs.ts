/**
 * How a cell's output list grows as batches arrive from the kernel: consecutive printed lines are
 * merged into one block, so a loop printing ten thousand lines makes one element, not ten thousand.
 */
import type { Output } from '../../../notebook/protocol.ts';

/** `list` with `batch` appended (a new array; `list` is not changed). */
export function appendOutputs(list: readonly Output[], batch: readonly Output[]): Output[] {
  const next = list.slice();
  for (const item of batch) {
    const last = next[next.length - 1];
    if (item.kind === 'text' && item.stream === 'out' && last?.kind === 'text' && last.stream === 'out') {
      const joiner = last.text.endsWith('\n') ? '' : '\n';
      next[next.length - 1] = { kind: 'text', stream: 'out', text: last.text + joiner + item.text };
    } else {
      next.push(item);
    }
  }
  return next;
}

/** The first error in `list` that names a line of the learner's code, or null. */
export function errorLine(list: readonly Output[]): number | null {
  for (const item of list) if (item.kind === 'error' && item.line !== null) return item.line;
  return null;
}

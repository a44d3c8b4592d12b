/**
 * What the graph shows at the current step, as plain data: every box's lines of text, every
 * edge's labels, and which element the current step computes (and which it reads). Built from the
 * model; the Svelte view only draws it.
 */
import type { BackpropStep, Sym } from '../../engine/backprop-steps.ts';
import { formatNumber, symbolText, type Sizes } from './format.ts';

/** The id of the graph element a quantity belongs to: a box, an edge, a bias label, or none. */
export function elementOf(sym: Sym): string | null {
  const { q, l = 0, j = 0, k = 0 } = sym;
  switch (q) {
    case 'x':
      return `x${j}`;
    case 'w':
    case 'gw':
      return `w${l}-${j}-${k}`;
    case 'b':
    case 'gb':
      return `b${l}-${j}`;
    case 'L':
    case 'y':
      return 'loss';
    case 'lr':
      return null;
    default:
      return l === 0 ? `x${j}` : `u${l}-${j}`;
  }
}

/** One line inside a box: a symbol and its value (null: not computed yet). */
export interface BoxLine {
  readonly label: string;
  readonly value: string | null;
  readonly kind: 'forward' | 'backward';
}

/** The text of every element, keyed by element id. */
export interface GraphText {
  readonly boxes: Record<string, BoxLine[]>;
  /** Edge and bias labels: the parameter, its gradient once known, its new value once updated. */
  readonly params: Record<string, { name: string; value: string; grad: string | null; updated: string | null }>;
  readonly current: string | null;
  readonly operands: readonly string[];
}

/** The graph's text after `cursor` steps of `steps`, for a network of `sizes` with input x, target y and weights `params`. */
export function graphText(steps: readonly BackpropStep[], cursor: number, sizes: Sizes, x: readonly number[], y: readonly number[],
  paramSyms: readonly Sym[], params: readonly number[]): GraphText {
  const done = new Map<string, number>();
  steps.slice(0, cursor).forEach((s) => done.set(`${s.phase === 'update' ? 'u' : ''}${s.out.q}${s.out.l ?? ''}-${s.out.j ?? ''}-${s.out.k ?? ''}`, s.value));
  const get = (q: string, l?: number, j?: number, k?: number, update = false) => {
    const v = done.get(`${update ? 'u' : ''}${q}${l ?? ''}-${j ?? ''}-${k ?? ''}`);
    return v === undefined ? null : formatNumber(v, 4);
  };
  const n = sizes.length - 1;
  const boxes: Record<string, BoxLine[]> = {};
  x.forEach((v, j) => (boxes[`x${j}`] = [{ label: symbolText({ q: 'x', j }, sizes), value: formatNumber(v, 4), kind: 'forward' }]));
  for (let l = 1; l <= n; l++) {
    for (let j = 0; j < sizes[l]; j++) {
      boxes[`u${l}-${j}`] = [
        { label: 'z', value: get('z', l, j), kind: 'forward' },
        { label: l === n ? 'ŷ' : 'a', value: get('a', l, j), kind: 'forward' },
        { label: 'δ', value: get('delta', l, j), kind: 'backward' },
      ];
    }
  }
  const target = y.length === 1 ? formatNumber(y[0], 4) : `(${y.map((v) => formatNumber(v, 4)).join(', ')})`;
  boxes.loss = [
    { label: 'L', value: get('L', undefined, undefined), kind: 'forward' },
    { label: 'y', value: target, kind: 'forward' },
  ];
  const paramText: GraphText['params'] = {};
  paramSyms.forEach((sym, i) => {
    const id = elementOf(sym) as string;
    const gq = sym.q === 'w' ? 'gw' : 'gb';
    paramText[id] = {
      name: symbolText(sym, sizes),
      value: formatNumber(params[i], 4),
      grad: get(gq, sym.l, sym.j, sym.k),
      updated: get(sym.q, sym.l, sym.j, sym.k, true),
    };
  });
  const step = cursor > 0 ? steps[cursor - 1] : null;
  const current = step ? elementOf(step.out) : null;
  const operands = step ? [...new Set(step.terms.map((t) => elementOf(t.sym)).filter((id): id is string => id !== null && id !== current))] : [];
  return { boxes, params: paramText, current, operands };
}

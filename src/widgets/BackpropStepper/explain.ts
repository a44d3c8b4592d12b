/**
 * A step of the pass as the stepper writes it out: the quantity, its formula in symbols, the same
 * formula with the numbers, and the result ("δ⁽²⁾ = ∂L/∂ŷ · σ′(z⁽²⁾) = (−1.817) × 0.2475 = −0.4497").
 */
import type { BackpropStep, Sym } from '../../engine/backprop-steps.ts';
import { activationSymbol, printStep, symbolText, wrapNegative, type Sizes } from './format.ts';

/** The written-out step. `equals` is "≈" only when no precision up to 12 digits makes the printed arithmetic check. */
export interface Explained {
  readonly lhs: string;
  readonly symbolic: string;
  readonly numeric: string;
  readonly result: string;
  readonly equals: '=' | '≈';
  /** The BCE shortcut for a sigmoid output: "= ŷ − y". */
  readonly shortcut: string | null;
}

/** Settings the formulas depend on. */
export interface ExplainContext {
  readonly sizes: Sizes;
  readonly hidden: 'sigmoid' | 'tanh' | 'relu';
  readonly loss: 'mse' | 'bce';
}

const TIMES = ' × ';

/** Writes out one step of the pass. */
export function explainStep(step: BackpropStep, ctx: ExplainContext): Explained {
  const n = ctx.sizes.length - 1;
  const m = ctx.sizes[n];
  const layer = step.out.l ?? 0;
  const actName = layer === n ? 'sigmoid' : ctx.hidden;
  const f = activationSymbol(actName);
  const name = (s: Sym) => symbolText(s, ctx.sizes, f);
  const printed = printStep(step, { activation: actName, loss: ctx.loss }, m);
  const v = printed.terms.map(wrapNegative);
  const raw = printed.terms;
  const syms = step.terms.map((t) => name(t.sym));
  let symbolic = '';
  let numeric = '';
  let shortcut: string | null = null;
  const mean = m === 1 ? '' : `1/${m} · `;
  switch (step.rule) {
    case 'sum': {
      const parts: string[] = [];
      const nums: string[] = [];
      for (let i = 0; i + 1 < syms.length; i += 2) {
        parts.push(`${syms[i]}·${syms[i + 1]}`);
        nums.push(`${v[i]}${TIMES}${v[i + 1]}`);
      }
      symbolic = `${parts.join(' + ')} + ${syms.at(-1)}`;
      numeric = `${nums.join(' + ')} + ${v.at(-1)}`;
      break;
    }
    case 'activate':
      symbolic = `${f}(${syms[0]})`;
      numeric = `${f}(${raw[0]})`;
      break;
    case 'local-df':
      if (actName === 'sigmoid') {
        symbolic = `${syms[1]}(1 − ${syms[1]})`;
        numeric = `${raw[1]}${TIMES}(1 − ${raw[1]})`;
      } else if (actName === 'tanh') {
        symbolic = `1 − ${syms[1]}²`;
        numeric = `1 − ${v[1]}²`;
      } else {
        symbolic = step.terms[0].value > 0 ? `1, since ${syms[0]} > 0` : `0, since ${syms[0]} ≤ 0`;
        numeric = '';
      }
      break;
    case 'loss': {
      const parts: string[] = [];
      const nums: string[] = [];
      for (let i = 0; i < syms.length; i += 2) {
        if (ctx.loss === 'mse') {
          parts.push(`(${syms[i]} − ${syms[i + 1]})²`);
          nums.push(`(${raw[i]} − ${raw[i + 1]})²`);
        } else {
          parts.push(`−[${syms[i + 1]} ln ${syms[i]} + (1 − ${syms[i + 1]}) ln(1 − ${syms[i]})]`);
          nums.push(`−[${raw[i + 1]}${TIMES}ln ${raw[i]} + (1 − ${raw[i + 1]})${TIMES}ln(1 − ${raw[i]})]`);
        }
      }
      symbolic = m === 1 ? parts[0] : `${mean}(${parts.join(' + ')})`;
      numeric = m === 1 ? nums[0] : `${mean}(${nums.join(' + ')})`;
      break;
    }
    case 'loss-grad':
      if (ctx.loss === 'mse') {
        symbolic = `${m === 1 ? '2' : `2/${m} ·`}(${syms[0]} − ${syms[1]})`;
        numeric = `${m === 1 ? '2' : `2/${m}`}${TIMES}(${raw[0]} − ${raw[1]})`;
      } else {
        symbolic = `${mean}(${syms[0]} − ${syms[1]}) / (${syms[0]}(1 − ${syms[0]}))`;
        numeric = `${mean}(${raw[0]} − ${raw[1]}) / (${raw[0]}${TIMES}(1 − ${raw[0]}))`;
      }
      break;
    case 'product':
      symbolic = syms.join(' · ');
      numeric = v.join(TIMES);
      if (step.shortcut !== undefined) shortcut = m === 1 ? 'ŷ − y' : `1/${m} · (${name({ q: 'a', l: n, j: step.out.j })} − ${name({ q: 'y', j: step.out.j })})`;
      break;
    case 'back-sum': {
      const parts: string[] = [];
      const nums: string[] = [];
      for (let i = 0; i < syms.length; i += 2) {
        parts.push(`${syms[i]}·${syms[i + 1]}`);
        nums.push(`${v[i]}${TIMES}${v[i + 1]}`);
      }
      symbolic = parts.join(' + ');
      numeric = nums.join(' + ');
      break;
    }
    case 'update':
      symbolic = `${syms[0]} − η·${syms[2]}`;
      numeric = `${v[0]} − ${v[1]}${TIMES}${v[2]}`;
      break;
  }
  // a gradient of a bias is δ itself: no arithmetic to show
  if (step.rule === 'product' && step.terms.length === 1) numeric = '';
  return {
    lhs: step.phase === 'update' ? `${name(step.out)} ←` : `${name(step.out)} =`,
    symbolic, numeric, result: printed.result, equals: printed.checks ? '=' : '≈', shortcut,
  };
}

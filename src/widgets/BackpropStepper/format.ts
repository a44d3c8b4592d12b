/**
 * Numbers and symbols as the backprop stepper prints them. A step's operands and result are
 * rounded to as few significant digits as make the printed arithmetic check: redoing the step from
 * the printed operands (see evaluateStep) and rounding gives the printed result.
 */
import { evaluateStep, type StepContext } from '../../engine/step-arithmetic.ts';
import type { BackpropStep, Sym } from '../../engine/backprop-steps.ts';

const MINUS = '\u2212';

/** `value` to `digits` significant digits, as a number (−0 becomes 0). */
export function roundSig(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  return Number(value.toPrecision(digits)) + 0;
}

/**
 * A value for reading: `digits` significant digits (default 4), trailing zeros dropped, a
 * typographic minus, −0 as 0, exponent form below 1e-4 ("3.2e−7"), "–" when not finite.
 */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '–';
  const r = roundSig(value, digits);
  if (r === 0) return '0';
  const abs = Math.abs(r);
  let text: string;
  if (abs < 1e-4 || abs >= 1e6) {
    const [m, e] = r.toExponential(digits - 1).split('e');
    text = `${String(Number(m))}e${Number(e)}`;
  } else {
    text = String(r);
  }
  return text.replace(/-/g, MINUS);
}

/** A value for an editable field: up to 4 decimals, ASCII minus, −0 as 0. */
export function formatInput(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toFixed(4)) + 0);
}

/** A relative error for a table: two significant digits in exponent form ("3.1e−10"), 0 as "0". */
export function formatRelError(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const [m, e] = value.toExponential(1).split('e');
  return `${m}e${Number(e)}`.replace(/-/g, MINUS);
}

/** How a step is printed: its operands and result as text, and whether the arithmetic checks. */
export interface PrintedStep {
  readonly terms: readonly string[];
  /** The result, always to RESULT_DIGITS significant digits (as the graph shows it). */
  readonly result: string;
  /** Significant digits of the operands (at least one more than the result). */
  readonly digits: number;
  /** True when the printed operands give the printed result; false: print "≈" instead of "=". */
  readonly checks: boolean;
}

/** Significant digits of every value the stepper shows; formulas print their operands with more. */
export const RESULT_DIGITS = 4;

/** Operands that are exact short numbers (inputs, targets, typed weights, η) are printed as they are. */
function printTerm(value: number, digits: number): string {
  const short = formatNumber(value, 15);
  return short.replace(/e.*$/, '').replace(/[^0-9]/g, '').replace(/^0+/, '').length <= digits ? short : formatNumber(value, digits);
}

function parse(text: string): number {
  return Number(text.replace(/\u2212/g, '-'));
}

/**
 * Prints `step` with its result to RESULT_DIGITS digits and its operands to the fewest digits
 * (from RESULT_DIGITS + 1 up to 15) at which the printed operands, put through the step's
 * formula, round to the printed result.
 */
export function printStep(step: BackpropStep, context: StepContext, outputs = 1): PrintedStep {
  const result = formatNumber(step.value, RESULT_DIGITS);
  let last: PrintedStep | null = null;
  for (let digits = RESULT_DIGITS + 1; digits <= 15; digits++) {
    const terms = step.terms.map((t) => printTerm(t.value, digits));
    const redone = evaluateStep(step, terms.map(parse), context, outputs);
    const checks = Number.isFinite(redone) && formatNumber(redone, RESULT_DIGITS) === result;
    last = { terms, result, digits, checks };
    if (checks) return last;
  }
  return last as PrintedStep;
}

const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉' };
const sup = (n: number) => `⁽${String(n).replace(/\d/g, (d) => SUP[d])}⁾`;
const sub = (text: string) => text.replace(/\d/g, (d) => SUB[d]);

/** The network's shape as the symbols need it: units per layer, inputs first ([2, 2, 1]). */
export type Sizes = readonly number[];

/**
 * A quantity's name in the course notation, units counted from 1: w⁽¹⁾₁₂, b⁽²⁾, a⁽¹⁾₂, ŷ (ŷ₁, ŷ₂
 * with two outputs), δ⁽¹⁾₁, ∂L/∂w⁽¹⁾₁₂, σ′(z⁽²⁾). A layer of one unit drops j (weights keep both).
 */
export function symbolText(sym: Sym, sizes: Sizes, fName = 'f'): string {
  const n = sizes.length - 1;
  const l = sym.l ?? 0;
  const one = (layer: number) => sizes[layer] === 1;
  const unit = (layer: number) => (one(layer) ? '' : sub(String((sym.j ?? 0) + 1)));
  const at = (q: string) => `${q}${sup(l)}${unit(l)}`;
  switch (sym.q) {
    case 'x':
      return `x${sub(String((sym.j ?? 0) + 1))}`;
    case 'y':
      return one(n) ? 'y' : `y${sub(String((sym.j ?? 0) + 1))}`;
    case 'w':
      return `w${sup(l)}${sub(`${(sym.j ?? 0) + 1}${(sym.k ?? 0) + 1}`)}`;
    case 'b':
      return at('b');
    case 'z':
      return at('z');
    case 'a':
      return l === n ? (one(n) ? 'ŷ' : `ŷ${unit(n)}`) : at('a');
    case 'L':
      return 'L';
    case 'dA':
      return `∂L/∂${symbolText({ q: 'a', l, j: sym.j }, sizes)}`;
    case 'df':
      return `${fName}′(${at('z')})`;
    case 'delta':
      return at('δ');
    case 'gw':
      return `∂L/∂${symbolText({ q: 'w', l, j: sym.j, k: sym.k }, sizes)}`;
    case 'gb':
      return `∂L/∂${at('b')}`;
    case 'lr':
      return 'η';
    default:
      return '?';
  }
}

/** The activation's symbol in formulas: σ, tanh or ReLU. */
export function activationSymbol(name: string): string {
  return name === 'sigmoid' ? 'σ' : name === 'relu' ? 'ReLU' : name;
}

/** A parenthesised operand when negative, so "0.5 × (−0.4)" reads right. */
export function wrapNegative(text: string): string {
  return text.startsWith(MINUS) ? `(${text})` : text;
}

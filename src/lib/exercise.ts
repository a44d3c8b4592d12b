/**
 * Checking learners' answers to lesson exercises: multiple choice, and numeric with a tolerance.
 * Pure functions, so the rules are tested once and every Exercise behaves the same.
 */
import { t } from '../i18n/index.ts';

/** What an exercise expects, as written by the lesson author. */
export interface ExerciseSpec {
  kind: 'choice' | 'numeric';
  /** Index of the right choice (from 0) for `choice`; the expected value for `numeric`. */
  answer: number;
  /** The options of a `choice` exercise, in display order. */
  choices?: readonly string[];
  /** Largest accepted distance from `answer` for `numeric` (default 0: exact, up to rounding). */
  tolerance?: number;
  /**
   * For `numeric`: compare the typed decimal or fraction with `answer` exactly, with no slack for
   * binary rounding (so 2.000000000001 is not 2, while 4/2 and 0.6/0.3 are). Needs tolerance 0.
   * Use it when being a hair off is wrong, as at a boundary where the answer itself is the edge.
   */
  exact?: boolean;
  /** A unit the learner may type after the number (e.g. `%`, `ms`); it is ignored when checking. */
  unit?: string;
}

/** The verdict on one answer, with the sentence shown to the learner. */
export interface CheckResult {
  status: 'correct' | 'incorrect' | 'invalid';
  message: string;
}

/** Why a text is not a number we accept. */
export type ParseError = 'empty' | 'comma' | 'zero' | 'range' | 'number';

/** The outcome of `parseNumber`. */
export type ParseResult = { ok: true; value: number } | { ok: false; error: ParseError };

const DECIMAL = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';
const PLAIN = new RegExp(`^${DECIMAL}$`);
const FRACTION = new RegExp(`^(${DECIMAL})\\s*/\\s*(${DECIMAL})$`);

/**
 * Reads a number as a learner types it: "0.25", " .25 ", "-3", "2.5e-1", "1/4", "−0.5" (with a
 * typographic minus). Rejects empty text, decimal commas, division by zero, overflow and anything else.
 */
export function parseNumber(input: string): ParseResult {
  const text = input.trim().replace(/\u2212/g, '-');
  if (text === '') return { ok: false, error: 'empty' };
  if (/^[+-]?\d*,\d+$/.test(text)) return { ok: false, error: 'comma' };
  let value: number;
  if (PLAIN.test(text)) {
    value = Number(text);
  } else {
    const match = FRACTION.exec(text);
    if (!match) return { ok: false, error: 'number' };
    const denominator = Number(match[2]);
    if (denominator === 0) return { ok: false, error: 'zero' };
    value = Number(match[1]) / denominator;
  }
  if (!Number.isFinite(value)) return { ok: false, error: 'range' };
  return { ok: true, value };
}

/** A rational number num/den with den > 0, as BigInts. */
interface Fraction {
  num: bigint;
  den: bigint;
}

const DECIMAL_PARTS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Exponents beyond this are not compared exactly (parseNumber has already read them as 0 or refused them). */
const MAX_EXACT_EXPONENT = 400;

/** The exact value of a decimal text such as "-1.25e-3", or null. */
function decimalFraction(text: string): Fraction | null {
  const m = DECIMAL_PARTS.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = `${m[2]}${m[3] ?? ''}` || '0';
  const exponent = Number(m[4] ?? 0) - (m[3] ?? '').length;
  if (Math.abs(exponent) > MAX_EXACT_EXPONENT + 40) return null;
  let num = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return { num, den };
}

/**
 * The exact value of what a learner typed, as parseNumber reads it ("0.25", "1/4", "−2"), or null.
 * A number (not text) is taken at its shortest decimal form, so 0.3 means 3/10.
 */
export function exactValue(input: string | number): Fraction | null {
  const text = (typeof input === 'number' ? String(input) : input).trim().replace(/\u2212/g, '-');
  const slash = text.indexOf('/');
  if (slash < 0) return decimalFraction(text);
  const top = decimalFraction(text.slice(0, slash));
  const bottom = decimalFraction(text.slice(slash + 1));
  if (!top || !bottom || bottom.num === 0n) return null;
  const sign = bottom.num < 0n ? -1n : 1n;
  return { num: sign * top.num * bottom.den, den: sign * bottom.num * top.den };
}

/** Whether two exact values are equal: a/b = c/d exactly when a·d = c·b (b, d > 0). */
function sameValue(a: Fraction, b: Fraction): boolean {
  return a.num * b.den === b.num * a.den;
}

/** A number as a short, exact-looking text: 0.30000000000000004 → "0.3", 1e-7 → "1e-7". */
export function formatAnswer(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Why a spec cannot be used, or null when it is sound. Authors see this as a build error. */
export function validateSpec(spec: ExerciseSpec): string | null {
  if (spec.kind === 'choice') {
    const n = spec.choices?.length ?? 0;
    if (n < 2) return 'a choice exercise needs at least two choices';
    if (!Number.isInteger(spec.answer) || spec.answer < 0 || spec.answer >= n) {
      return `answer must be the index of a choice, 0 to ${n - 1} (got ${spec.answer})`;
    }
    return null;
  }
  if (spec.kind === 'numeric') {
    if (!Number.isFinite(spec.answer)) return `answer must be a finite number (got ${spec.answer})`;
    const tol = spec.tolerance ?? 0;
    if (!Number.isFinite(tol) || tol < 0) return `tolerance must be a number ≥ 0 (got ${spec.tolerance})`;
    if (spec.exact && tol !== 0) return `an exact answer takes no tolerance (got ${spec.tolerance})`;
    return null;
  }
  return `kind must be "choice" or "numeric" (got ${String((spec as { kind: unknown }).kind)})`;
}

/** Removes the spec's unit (or a trailing `%` when the unit is `%`) from the end of the text. */
function stripUnit(text: string, unit: string | undefined): string {
  const trimmed = text.trim();
  if (!unit) return trimmed;
  const u = unit.trim().toLowerCase();
  if (u && trimmed.toLowerCase().endsWith(u)) return trimmed.slice(0, trimmed.length - u.length);
  return trimmed;
}

/** The message for a text that is not a number. */
function parseMessage(error: ParseError, input: string): string {
  switch (error) {
    case 'empty':
      return t('exercise.invalid.empty');
    case 'comma':
      return t('exercise.invalid.comma');
    case 'zero':
      return t('exercise.invalid.zero');
    case 'range':
      return t('exercise.invalid.range');
    default: {
      const shown = input.trim().length > 24 ? `${input.trim().slice(0, 24)}…` : input.trim();
      return t('exercise.invalid.number', { input: shown });
    }
  }
}

/**
 * Checks one answer. `input` is the chosen index (choice; a number or its text) or the typed text
 * (numeric). A numeric answer is correct when |value − answer| ≤ tolerance (plus rounding slack).
 * Throws only for an unusable spec (an authoring error), never for anything a learner types.
 */
export function checkAnswer(spec: ExerciseSpec, input: string | number | null | undefined): CheckResult {
  const problem = validateSpec(spec);
  if (problem) throw new Error(`Exercise spec: ${problem}`);

  if (spec.kind === 'choice') {
    const index = typeof input === 'string' && /^\d+$/.test(input.trim()) ? Number(input) : input;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= spec.choices!.length) {
      return { status: 'invalid', message: t('exercise.invalid.choose') };
    }
    return index === spec.answer
      ? { status: 'correct', message: t('exercise.correct') }
      : { status: 'incorrect', message: t('exercise.incorrect.choice') };
  }

  const text = typeof input === 'number' ? String(input) : (input ?? '');
  const parsed = parseNumber(stripUnit(text, spec.unit));
  if (!parsed.ok) return { status: 'invalid', message: parseMessage(parsed.error, text) };

  if (spec.exact) {
    const typed = exactValue(stripUnit(text, spec.unit));
    const expected = exactValue(spec.answer);
    if (typed && expected && sameValue(typed, expected)) {
      return {
        status: 'correct',
        message: t('exercise.correct.numeric', { answer: formatAnswer(spec.answer) + (spec.unit ? ` ${spec.unit}` : '') }),
      };
    }
    // Echo what was typed: 2.000000000001 rounded for display would read as the answer itself.
    const typedText = stripUnit(text, spec.unit).replace(/\u2212/g, '-');
    return { status: 'incorrect', message: t('exercise.incorrect.numeric', { value: typedText }) };
  }

  const tolerance = spec.tolerance ?? 0;
  // Slack for binary rounding only: 0.301 − 0.3 is 0.0010000000000000009, which must pass ±0.001.
  const slack = 1e-12 * Math.max(1, Math.abs(spec.answer), tolerance);
  const value = parsed.value;
  const shown = formatAnswer(value);
  if (Math.abs(value - spec.answer) <= tolerance + slack) {
    const answer = formatAnswer(spec.answer) + (spec.unit ? ` ${spec.unit}` : '');
    return {
      status: 'correct',
      message:
        tolerance > 0
          ? t('exercise.correct.tolerance', { answer, tolerance: formatAnswer(tolerance) })
          : t('exercise.correct.numeric', { answer }),
    };
  }
  return { status: 'incorrect', message: t('exercise.incorrect.numeric', { value: shown }) };
}

/**
 * Assignments: an instructor's goal for a widget, carried in a link, and the learner's result,
 * checked by replaying it.
 *
 * Each widget declares what it can measure (`MeasureDef`: a loss, an accuracy, a count of hidden
 * units, the epochs trained, the gate a perceptron computes...) and two ways to read those
 * measures: live, from what the widget shows now, and by replaying a shared state from scratch with
 * the engine. An assignment is a widget, a chapter, a note and one to four goals (`measure op
 * value`); it travels in the query parameter `a-<id>` beside the widget's own state `w-<id>`.
 *
 * A result link carries the learner's state in `w-<id>` and, in `r-<id>`, the assignment and the
 * values the learner's page measured. Whoever opens it gets a verdict from a fresh replay of that
 * state: the claimed values are only compared with it, never believed, so a hand-edited link
 * cannot claim a result its state does not reach. An edited goal changes the assignment's code
 * (a fingerprint of widget, chapter, note and goals), which both links show.
 *
 * Everything here is pure (no DOM): the frame and the composer are views on it.
 */
import { z, type AnySchema } from './zod.ts';
import { decodeState, encodeState, type DecodeResult } from './share-state.ts';
import { t } from '../i18n/index.ts';
import '../i18n/strings/assign.ts';
import { assignmentParam, resultParam } from './assignment-params.ts';

/** What kind of quantity a measure is, and so which comparisons a goal may make with it. */
export type MeasureKind = 'number' | 'integer' | 'choice' | 'flag';

/** One quantity a widget can measure. */
export interface MeasureDef {
  /** Short id used in links (letters and digits, starting with a letter). */
  id: string;
  /** What it is, in words, lower case: "test loss". */
  label: string;
  kind: MeasureKind;
  /** Which way is better, so the composer offers `<` or `>` first (numbers and integers). */
  better?: 'low' | 'high';
  /** The range a goal's value may take (numbers and integers). */
  min?: number;
  max?: number;
  /** Decimals shown for this measure's values (numbers; default 4 significant digits). */
  digits?: number;
  /** Written after a value: "%" for an accuracy in percent. */
  unit?: string;
  /** The values a choice can take, with their words. */
  choices?: readonly { value: string; label: string }[];
}

/** What a widget measured: a value per measure id; null where it has none (no test set yet). */
export type Values = Record<string, number | string | boolean | null>;

/** The comparisons a goal can make. */
export const OPS = ['<', '<=', '>', '>=', '='] as const;
export type Op = (typeof OPS)[number];

/** One goal: measure `m` compared with `v` by `op`. */
export interface Goal {
  m: string;
  op: Op;
  v: number | string | boolean;
}

/** An assignment: the widget (its frame id on the page), the chapter, the instructor's note, the goals. */
export interface Assignment {
  v: 1;
  widget: string;
  lesson: string;
  note: string;
  goals: Goal[];
}

/** A result: the assignment, the values the learner's page measured, an optional name, when. */
export interface Result {
  a: Assignment;
  claimed: Values;
  name: string;
  at: string;
}

export const MAX_GOALS = 4;
export const MAX_NOTE = 500;
export const MAX_NAME = 60;

/** Text that may hold line breaks but no other control characters. */
const text = (max: number) =>
  z.string().check(
    z.maxLength(max, `at most ${max} characters`),
    // eslint-disable-next-line no-control-regex
    z.refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), 'control characters are not allowed'),
  );

const measureId = z.string().check(z.regex(/^[a-z][A-Za-z0-9]{0,31}$/, 'not a measure id'));

const goalSchema = z.strictObject({
  m: measureId,
  op: z.enum(OPS),
  v: z.union([z.number(), z.string().check(z.maxLength(40)), z.boolean()]),
});

export const assignmentSchema = z.strictObject({
  v: z.literal(1),
  widget: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,47}$/, 'not a widget id')),
  lesson: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a chapter')),
  note: text(MAX_NOTE),
  goals: z.array(goalSchema).check(z.minLength(1, 'no goal'), z.maxLength(MAX_GOALS, `at most ${MAX_GOALS} goals`)),
});

const valueSchema = z.union([z.number(), z.string().check(z.maxLength(40)), z.boolean(), z.null()]);

export const resultSchema = z.strictObject({
  a: assignmentSchema,
  claimed: z.record(measureId, valueSchema).check(z.refine((r) => Object.keys(r).length <= 32, 'too many values')),
  name: text(MAX_NAME).check(z.refine((s) => !s.includes('\n'), 'one line only')),
  at: z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z$/, 'not a time')),
});

/** The query parameters that carry widget `id`'s assignment and result. */
export { assignmentParam, resultParam };

/** Which comparisons a measure allows. */
export function opsFor(def: MeasureDef): readonly Op[] {
  if (def.kind === 'choice' || def.kind === 'flag') return ['='];
  return def.better === 'high' ? ['>=', '>', '<=', '<', '='] : ['<=', '<', '>=', '>', '='];
}

/** Why a goal does not fit the widget's measures, or null when it does. */
export function goalProblem(goal: Goal, defs: readonly MeasureDef[]): string | null {
  const def = defs.find((d) => d.id === goal.m);
  if (!def) return `this widget cannot measure "${goal.m}"`;
  if (!opsFor(def).includes(goal.op)) return `${def.label} cannot be compared with ${goal.op}`;
  switch (def.kind) {
    case 'flag':
      return typeof goal.v === 'boolean' ? null : `${def.label} is yes or no`;
    case 'choice':
      return typeof goal.v === 'string' && (def.choices ?? []).some((c) => c.value === goal.v) ? null : `${def.label} cannot be "${String(goal.v)}"`;
    default: {
      if (typeof goal.v !== 'number' || !Number.isFinite(goal.v)) return `${def.label} needs a number`;
      if (def.kind === 'integer' && !Number.isInteger(goal.v)) return `${def.label} is a whole number`;
      if (def.min !== undefined && goal.v < def.min) return `${def.label} is at least ${def.min}`;
      if (def.max !== undefined && goal.v > def.max) return `${def.label} is at most ${def.max}`;
      return null;
    }
  }
}

/** The first problem with an assignment's goals for these measures, or null. */
export function assignmentProblem(a: Assignment, defs: readonly MeasureDef[]): string | null {
  const seen = new Set<string>();
  for (const goal of a.goals) {
    const problem = goalProblem(goal, defs);
    if (problem) return problem;
    const key = `${goal.m}${goal.op}`;
    if (seen.has(key)) return `the goal "${goal.m} ${goal.op}" is given twice`;
    seen.add(key);
  }
  return null;
}

/** A measure's value in words: 0.0312, 98.5%, yes, "AND". */
export function formatValue(def: MeasureDef, value: Values[string] | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('assign.value.yes') : t('assign.value.no');
  if (typeof value === 'string') return def.choices?.find((c) => c.value === value)?.label ?? value;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : t('assign.value.nan');
  let s: string;
  if (def.kind === 'integer') s = String(Math.round(value));
  else if (def.digits !== undefined) s = value.toFixed(def.digits);
  else if (value === 0) s = '0';
  else s = Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6 ? String(Number(value.toPrecision(4))) : value.toExponential(3);
  return `${s.replace('-', '−')}${def.unit ?? ''}`;
}

/** A goal's value in words, as the instructor set it (never rounded away). */
export function formatGoalValue(def: MeasureDef, value: Goal['v']): string {
  if (typeof value === 'number') return `${String(value).replace('-', '−')}${def.unit ?? ''}`;
  return formatValue(def, value);
}

const OP_WORDS: Record<Op, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };

/** A goal in words: "test loss < 0.1". */
export function describeGoal(goal: Goal, defs: readonly MeasureDef[]): string {
  const def = defs.find((d) => d.id === goal.m);
  if (!def) return `${goal.m} ${goal.op} ${String(goal.v)}`;
  if (def.kind === 'flag') return goal.v ? def.label : t('assign.goal.not', { label: def.label });
  return `${def.label} ${OP_WORDS[goal.op]} ${formatGoalValue(def, goal.v)}`;
}

/** Whether `value` meets the goal. A missing or non-finite number never does. */
export function meets(goal: Goal, value: Values[string] | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof goal.v === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    switch (goal.op) {
      case '<':
        return value < goal.v;
      case '<=':
        return value <= goal.v;
      case '>':
        return value > goal.v;
      case '>=':
        return value >= goal.v;
      default:
        return value === goal.v;
    }
  }
  return goal.op === '=' && value === goal.v;
}

/** Each goal with the value measured for it and whether it is met. */
export interface GoalCheck {
  goal: Goal;
  text: string;
  value: string;
  met: boolean;
}

export function checkGoals(goals: readonly Goal[], defs: readonly MeasureDef[], values: Values): GoalCheck[] {
  return goals.map((goal) => {
    const def = defs.find((d) => d.id === goal.m);
    return {
      goal,
      text: describeGoal(goal, defs),
      value: def ? formatValue(def, values[goal.m]) : '—',
      met: meets(goal, values[goal.m]),
    };
  });
}

/** Whether a claimed value is the replayed one (numbers to 1e-9 relative, for another browser's last bits). */
export function sameValue(a: Values[string] | undefined, b: Values[string] | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return (a ?? null) === (b ?? null);
}

/** The verdict on a result: from the replayed values alone, with the claims compared. */
export interface Verdict {
  met: boolean;
  checks: GoalCheck[];
  /** Measures whose claimed value is not what the replay gives: the link was edited (or made by another version). */
  mismatches: { label: string; claimed: string; replayed: string }[];
}

export function verdict(result: Pick<Result, 'a' | 'claimed'>, defs: readonly MeasureDef[], replayed: Values): Verdict {
  const checks = checkGoals(result.a.goals, defs, replayed);
  const mismatches: Verdict['mismatches'] = [];
  for (const def of defs) {
    // A value the learner's page had not measured (null) is no claim: the replay measures it anyway.
    if (!(def.id in result.claimed) || result.claimed[def.id] === null) continue;
    if (!sameValue(result.claimed[def.id], replayed[def.id])) {
      mismatches.push({ label: def.label, claimed: formatValue(def, result.claimed[def.id]), replayed: formatValue(def, replayed[def.id]) });
    }
  }
  return { met: checks.every((c) => c.met), checks, mismatches };
}

/**
 * A short code for an assignment (widget, chapter, note, goals): the same on the assignment link
 * and every result made from it, and different as soon as any of them is edited. Not a signature
 * (anyone can compute it), but an instructor who knows the code they handed out sees an edit.
 */
export function assignmentCode(a: Assignment): string {
  const canonical = JSON.stringify([a.v, a.widget, a.lesson, a.note, a.goals.map((g) => [g.m, g.op, g.v])]);
  // FNV-1a, 32 bits, twice with different offsets: 64 bits, written in base 32 without look-alikes.
  const fnv = (offset: number) => {
    let h = offset >>> 0;
    for (let i = 0; i < canonical.length; i++) {
      h ^= canonical.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let out = '';
  for (const word of [fnv(0x811c9dc5), fnv(0x050c5d1f)]) {
    let w = word;
    for (let i = 0; i < 5; i++) {
      out += alphabet[w & 31];
      w >>>= 5;
    }
  }
  return `${out.slice(0, 5)}-${out.slice(5, 10)}`;
}

/** Reads a URL's query parameter (default: the current page) and decodes it with a schema. */
function readParam<T>(name: string, schema: AnySchema<T>, url?: string): DecodeResult<T> {
  let params: URLSearchParams;
  try {
    params = new URL(url ?? (typeof location === 'undefined' ? 'http://localhost/' : location.href)).searchParams;
  } catch {
    return { ok: false, reason: 'the page address is not a valid URL' };
  }
  const raw = params.get(name);
  if (raw === null) return { ok: false, reason: 'none', absent: true };
  return decodeState(raw, schema);
}

export function readAssignment(id: string, url?: string): DecodeResult<Assignment> {
  return readParam(assignmentParam(id), assignmentSchema as AnySchema<Assignment>, url);
}

export function readResult(id: string, url?: string): DecodeResult<Result> {
  return readParam(resultParam(id), resultSchema as AnySchema<Result>, url);
}

/** The page URL (without its other query parameters) with the widget's state and one more parameter. */
function linkWith(id: string, state: unknown, name: string, payload: unknown, pageUrl: string): string {
  const target = new URL(pageUrl);
  target.search = '';
  target.searchParams.set(`w-${id}`, encodeState(state));
  target.searchParams.set(name, encodeState(payload));
  target.hash = id;
  return target.toString();
}

/** The link that hands out an assignment: the widget's starting state and the assignment. */
export function assignmentUrl(id: string, state: unknown, a: Assignment, pageUrl: string): string {
  return linkWith(id, state, assignmentParam(id), a, pageUrl);
}

/** The link that hands back a result: the state that met the goal, the assignment, the values measured. */
export function resultUrl(id: string, state: unknown, r: Result, pageUrl: string): string {
  return linkWith(id, state, resultParam(id), r, pageUrl);
}

/** The chapter slug of a lesson page's path (`/lessons/04-deep-networks/` → `04-deep-networks`), or ''. */
export function lessonOfPath(pathname: string): string {
  const m = /\/lessons\/([a-z0-9][a-z0-9-]*)\/?$/.exec(pathname);
  return m ? m[1] : '';
}

/** The widget's measurable quantities, live and replayed: what a widget gives its frame to be assignable. */
export interface AssignSpec<S> {
  measures: readonly MeasureDef[];
  /** The values the widget shows now. */
  read: () => Values;
  /** The values a fresh replay of `state` reaches (the engine, from scratch; never the widget's own run). */
  replay: (state: S) => Promise<Values>;
}

/** Yields to the page (a macrotask), so a long replay can run in slices without freezing it. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What a widget's assignment box shows: the learner's task, a result to judge, or why a link cannot be used. */
export type AssignView =
  | { kind: 'task'; assignment: Assignment }
  | { kind: 'result'; result: Result; replay: () => Promise<Values> }
  | { kind: 'refused'; reason: string; result?: Result }
  | { kind: 'bad'; reason: string };

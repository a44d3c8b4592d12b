/**
 * State of the activation explorer: which functions are shown, the x range and the cursor.
 * Curves, peaks and values at the cursor come from the engine (curves.ts, derivative-facts.ts);
 * this class holds state, checks what the reader types, and turns numbers into words.
 */
import { z } from '../../lib/zod.ts';
import { activation, type ActivationName } from '../../engine/activations.ts';
import { activationCurve } from '../../engine/curves.ts';
import { derivativeAt, derivativeFacts, oneSidedSlopes } from '../../engine/derivative-facts.ts';
import { formatNumber } from '../../components/charts/format.ts';
import type { ChartMarker, LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { parseNumber } from '../../lib/exercise.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/explorer.ts';

/** The functions a reader can choose, in the order they are listed and drawn. */
export const EXPLORER_FUNCTIONS = ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'softplus'] as const;
export type ExplorerFunction = (typeof EXPLORER_FUNCTIONS)[number];

/** One colour per function, the same in both charts (sigmoid, tanh and ReLU as in the gradient-flow widget). */
export const FUNCTION_COLORS: Record<ExplorerFunction, string> = {
  step: '--nn-text-muted',
  sigmoid: '--nn-series-2',
  tanh: '--nn-series-3',
  relu: '--nn-series-1',
  leaky_relu: '--nn-series-5',
  elu: '--nn-series-4',
  gelu: '--nn-series-7',
  softplus: '--nn-series-6',
};

/** The x range is [−R, R] with R from RANGE_MIN to RANGE_MAX. */
export const RANGE_MIN = 1;
export const RANGE_MAX = 20;
/** Samples per curve: odd, so x = 0 is drawn exactly. */
export const SAMPLES = 401;

/** The shareable state: the chosen functions, the half-width R, the cursor x. */
export const explorerStateSchema = z
  .strictObject({
    fns: z.array(z.enum(EXPLORER_FUNCTIONS)).check(z.minLength(1), z.maxLength(EXPLORER_FUNCTIONS.length)),
    range: z.number().check(z.minimum(RANGE_MIN), z.maximum(RANGE_MAX)),
    x: z.number().check(z.minimum(-RANGE_MAX), z.maximum(RANGE_MAX)),
  })
  .check(z.refine((s) => new Set(s.fns).size === s.fns.length, { message: 'each function at most once', path: ['fns'] }));
export type ExplorerState = z.infer<typeof explorerStateSchema>;

export const DEFAULT_STATE: ExplorerState = { fns: ['sigmoid', 'tanh', 'relu'], range: 5, x: 1 };

/** The reader's name for a function, e.g. "Leaky ReLU". */
export function functionName(fn: ExplorerFunction): string {
  return t(`explorer.fn.${fn}` as MessageKey);
}

/** One row of the readout at the cursor. */
export interface Readout {
  fn: ExplorerFunction;
  name: string;
  color: string;
  f: string;
  /** f′ as text; for a corner or jump, what is true there instead. */
  df: string;
  /** The largest f′, in words. */
  peak: string;
}

/** A message about the last range typed (clamped, or refused and not used). */
export interface FieldMessage {
  kind: 'invalid' | 'clamped';
  text: string;
}

/** A short number for reading: 4 significant digits, "–" if not finite. */
const num = formatNumber;

/** The step of the keyboard cursor for a range ±R: a round number near R/50. */
export function cursorStep(range: number): number {
  const nice = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];
  return nice.find((s) => s >= range / 50) ?? 1;
}

/** x snapped to a multiple of `step` (so 0 and the range ends are reachable) and kept within ±range. */
export function snap(x: number, step: number, range: number): number {
  const snapped = Math.round(x / step) * step;
  const clamped = Math.min(range, Math.max(-range, snapped));
  return Number(clamped.toFixed(6)) + 0;
}

export class ActivationExplorerModel {
  selected = $state<ExplorerFunction[]>([...DEFAULT_STATE.fns]);
  range = $state(DEFAULT_STATE.range);
  x = $state(DEFAULT_STATE.x);
  /** About the last range typed, or null. */
  rangeMessage = $state<FieldMessage | null>(null);
  /** About the last function toggle (the last one cannot be removed), or ''. */
  choiceMessage = $state('');

  constructor(initial: Partial<ExplorerState> = {}) {
    const parsed = explorerStateSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    this.apply(parsed.success ? parsed.data : DEFAULT_STATE);
  }

  /** Sampled f and f′ of each chosen function over [−R, R]. */
  curves = $derived(
    this.selected.map((fn) => ({ fn, curve: activationCurve(fn, -this.range, this.range, SAMPLES) })),
  );

  /** The f(x) lines. */
  get fSeries(): LineSeries[] {
    return this.curves.map(({ fn, curve }) => ({ label: functionName(fn), color: FUNCTION_COLORS[fn], points: pointsOf(curve.x, curve.f) }));
  }

  /** The f′(x) lines. */
  get dfSeries(): LineSeries[] {
    return this.curves.map(({ fn, curve }) => ({ label: `${functionName(fn)}′`, color: FUNCTION_COLORS[fn], points: pointsOf(curve.x, curve.df) }));
  }

  /** A labelled marker at each single-point peak of f′ that lies in view (sigmoid 0.25 at 0, GELU 1.129 at √2, …). */
  get peakMarkers(): ChartMarker[] {
    const out: ChartMarker[] = [];
    for (const fn of this.selected) {
      const facts = derivativeFacts(fn);
      if (facts.kind !== 'point' || facts.at === null || Math.abs(facts.at) > this.range) continue;
      out.push({ x: facts.at, y: facts.max, label: t('explorer.marker', { name: functionName(fn), max: num(facts.max) }), color: FUNCTION_COLORS[fn] });
    }
    return out;
  }

  /** The largest f′ of `fn`, in words: "0.25 at x = 0", "1 for every x > 0", … */
  peakText(fn: ExplorerFunction): string {
    const facts = derivativeFacts(fn);
    const params = { max: num(facts.max), at: num(facts.at ?? 0) };
    switch (facts.kind) {
      case 'point':
        return t('explorer.peak.point', params);
      case 'ray':
        return t(facts.closed ? 'explorer.peak.rayClosed' : 'explorer.peak.ray', params);
      case 'everywhere':
        return t(facts.corners.length > 0 ? 'explorer.peak.everywhereBut' : 'explorer.peak.everywhere', params);
      default:
        return t('explorer.peak.limit', params);
    }
  }

  /** f′(x) of `fn` as text; at a corner the two one-sided slopes, at a jump that f jumps. */
  dfText(fn: ExplorerFunction, x: number): string {
    const df = derivativeAt(fn, x);
    if (df !== null) return num(df);
    if (fn === 'step') return t('explorer.df.jump');
    const { left, right } = oneSidedSlopes(fn, x);
    return t('explorer.df.corner', { left: num(left), right: num(right) });
  }

  /** Values at the cursor for every chosen function. */
  get readouts(): Readout[] {
    return this.selected.map((fn) => ({
      fn,
      name: functionName(fn),
      color: FUNCTION_COLORS[fn],
      f: num(activation(fn as ActivationName).f(this.x)),
      df: this.dfText(fn, this.x),
      peak: this.peakText(fn),
    }));
  }

  /** What a screen reader hears for the cursor slider: x, then f and f′ of each function. */
  get valueText(): string {
    const list = this.readouts.map((r) => t('explorer.valuetext.item', { name: r.name, f: r.f, df: r.df })).join('; ');
    return t('explorer.valuetext', { x: num(this.x), list });
  }

  /** The status line: where the cursor is, and the largest f′ of each function. */
  get status(): string {
    if (this.choiceMessage) return this.choiceMessage;
    const peaks = this.selected.map((fn) => `${functionName(fn)} ${this.peakText(fn)}`).join('; ');
    return t('explorer.status', { peaks });
  }

  /** The keyboard step of the cursor. */
  get step(): number {
    return cursorStep(this.range);
  }

  /** Shows or hides a function; the last one shown stays, with a message. */
  toggle(fn: ExplorerFunction): void {
    if (!EXPLORER_FUNCTIONS.includes(fn)) return;
    if (this.selected.includes(fn)) {
      if (this.selected.length === 1) {
        this.choiceMessage = t('explorer.keepOne');
        return;
      }
      this.selected = this.selected.filter((f) => f !== fn);
    } else {
      this.selected = EXPLORER_FUNCTIONS.filter((f) => f === fn || this.selected.includes(f));
    }
    this.choiceMessage = '';
  }

  /** Moves the cursor to x (snapped to the keyboard step, kept in range); non-finite x is ignored. */
  setCursor(x: number): void {
    if (!Number.isFinite(x)) return;
    this.x = snap(x, this.step, this.range);
  }

  /** Moves the cursor by `steps` keyboard steps. */
  nudge(steps: number): void {
    this.setCursor(this.x + steps * this.step);
  }

  /**
   * Sets R from the slider (a number) or the typed field (text): out of range is clamped, text that is
   * not a number is refused; both get a message. `live` (while typing) ignores half-typed text.
   */
  setRange(raw: string | number, live = false): void {
    const parsed = typeof raw === 'number' ? (Number.isFinite(raw) ? { ok: true as const, value: raw } : { ok: false as const }) : parseNumber(raw);
    if (!parsed.ok) {
      if (live) return;
      this.rangeMessage = { kind: 'invalid', text: t('explorer.range.invalid', { min: RANGE_MIN, max: RANGE_MAX, r: num(this.range) }) };
      return;
    }
    const value = Math.round(Math.min(RANGE_MAX, Math.max(RANGE_MIN, parsed.value)) * 10) / 10;
    const clamped = value !== parsed.value && (parsed.value < RANGE_MIN || parsed.value > RANGE_MAX);
    if (live && clamped) return;
    this.rangeMessage = clamped ? { kind: 'clamped', text: t('explorer.range.clamped', { min: RANGE_MIN, max: RANGE_MAX, value: num(value) }) } : null;
    this.range = value;
    this.setCursor(this.x);
  }

  /** Back to the first view. */
  reset(): void {
    this.apply(DEFAULT_STATE);
  }

  toState(): ExplorerState {
    return { fns: [...this.selected], range: this.range, x: this.x };
  }

  /** Restores a state validated by explorerStateSchema (the cursor is kept inside the range). */
  fromState(state: ExplorerState): void {
    const parsed = explorerStateSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    this.apply(parsed.data);
  }

  /** The sampled curves as CSV: x, then f and f′ of each chosen function. */
  csv(): string {
    const curves = this.curves;
    const header = ['x', ...curves.flatMap(({ fn }) => [`${fn}`, `${fn}_derivative`])];
    const rows = Array.from(curves[0]?.curve.x ?? [], (x, i) => [x, ...curves.flatMap(({ curve }) => [curve.f[i], curve.df[i]])]);
    return toCSV(header, rows);
  }

  private apply(state: ExplorerState): void {
    this.selected = EXPLORER_FUNCTIONS.filter((f) => state.fns.includes(f));
    this.range = state.range;
    this.rangeMessage = null;
    this.choiceMessage = '';
    this.setCursor(state.x);
  }
}

function pointsOf(x: Float64Array, y: Float64Array): { x: number; y: number }[] {
  return Array.from(x, (xi, i) => ({ x: xi, y: y[i] }));
}

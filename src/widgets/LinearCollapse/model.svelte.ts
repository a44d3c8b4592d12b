/**
 * State of the linear-collapse widget: how many layers, how wide, which activation goes between them
 * in the bent copy, and the seed of the weights. The curves, the single equivalent layer and how far
 * each curve is from a straight line come from the engine (collapse.ts); this class holds state and
 * puts numbers into words.
 */
import { z } from '../../lib/zod.ts';
import { stackCurves, type StackCurves } from '../../engine/collapse.ts';
import { formatNumber } from '../../components/charts/format.ts';
import type { LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { MAX_SEED } from '../../components/widget/seed.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/collapse.ts';

/** Activations offered between the layers. */
export const COLLAPSE_ACTIVATIONS = ['tanh', 'relu', 'sigmoid'] as const;
export type CollapseActivation = (typeof COLLAPSE_ACTIVATIONS)[number];

export const DEPTH_RANGE = [1, 8] as const;
export const WIDTH_RANGE = [1, 4] as const;
/** The inputs x span [−X_RANGE, X_RANGE]. */
export const X_RANGE = 3;
/** Below this the bent curve counts as nearly straight. */
const BARELY = 0.01;
/** Below this it is straight, up to rounding (every ReLU unit on one side of its corner). */
const STRAIGHT = 1e-9;

export const collapseStateSchema = z.strictObject({
  depth: z.number().check(z.int(), z.minimum(DEPTH_RANGE[0]), z.maximum(DEPTH_RANGE[1])),
  width: z.number().check(z.int(), z.minimum(WIDTH_RANGE[0]), z.maximum(WIDTH_RANGE[1])),
  activation: z.enum(COLLAPSE_ACTIVATIONS),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
});
export type CollapseState = z.infer<typeof collapseStateSchema>;

export const DEFAULT_STATE: CollapseState = { depth: 3, width: 1, activation: 'tanh', seed: 1 };

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A layer index as a superscript in parentheses: 12 → "⁽¹²⁾". */
export function layerIndex(n: number): string {
  return `⁽${String(n).replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)])}⁾`;
}

const num = formatNumber;

/** "ŷ = 1.249·x − 0.3065" */
export function lineEquation(slope: number, intercept: number): string {
  const sign = intercept < 0 ? '\u2212' : '+';
  return `ŷ = ${num(slope)}·x ${sign} ${num(Math.abs(intercept))}`;
}

/**
 * The product w⁽ᴸ⁾ × … × w⁽¹⁾ as printed: each factor and the result to five significant digits,
 * joined by "=" when the printed factors multiply out to the printed result, else by "≈".
 */
export function productText(weights: readonly number[], slope: number): { values: string; eq: string; a: string } {
  const rounded = weights.map((w) => Number(w.toPrecision(5)));
  const values = [...rounded].reverse().map((w) => (w < 0 ? `(${precise(w)})` : precise(w))).join(' × ');
  const product = rounded.reduce((p, w) => p * w, 1);
  const eq = Number(product.toPrecision(5)) === Number(slope.toPrecision(5)) ? '=' : '≈';
  return { values, eq, a: precise(slope) };
}

/** Five significant digits with a typographic minus (exponent form for very small or large values). */
function precise(value: number): string {
  const abs = Math.abs(value);
  if (value === 0 || abs < 1e-3 || abs >= 1e5) return num(value);
  return String(Number(value.toPrecision(5))).replace(/-/g, '\u2212');
}

export class LinearCollapseModel {
  depth = $state(DEFAULT_STATE.depth);
  width = $state(DEFAULT_STATE.width);
  activation = $state<CollapseActivation>(DEFAULT_STATE.activation);
  seed = $state(DEFAULT_STATE.seed);

  constructor(initial: Partial<CollapseState> = {}) {
    const parsed = collapseStateSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    this.apply(parsed.success ? parsed.data : DEFAULT_STATE);
  }

  /** Both curves on x ∈ [−3, 3], the single layer and the measures of straightness. */
  curves: StackCurves = $derived(
    stackCurves({ depth: this.depth, width: this.width, activation: this.activation, seed: this.seed }, -X_RANGE, X_RANGE),
  );

  get activationName(): string {
    return t(`collapse.act.${this.activation}` as MessageKey);
  }

  get series(): LineSeries[] {
    const c = this.curves;
    const pts = (y: Float64Array) => Array.from(c.x, (x, i) => ({ x, y: y[i] }));
    return [
      {
        label: this.depth === 1 ? t('collapse.series.straight.one') : t('collapse.series.straight', { n: this.depth }),
        color: '--nn-series-1',
        points: pts(c.straight),
      },
      { label: t('collapse.series.single'), color: '--nn-text', dashed: true, points: pts(c.single) },
      { label: t('collapse.series.bent', { name: this.activationName }), color: '--nn-series-2', points: pts(c.bent) },
    ];
  }

  /** The single layer the linear stack equals. */
  get equation(): string {
    return lineEquation(this.curves.slope, this.curves.intercept);
  }

  /** How the slope arises: the product of the weights (one unit per layer) or of the weight matrices. */
  get slopeText(): string {
    const c = this.curves;
    if (this.depth === 1) return t('collapse.slope.one', { a: num(c.slope) });
    if (c.chainWeights.length > 0) {
      const names = c.chainWeights.map((_, i) => `w${layerIndex(i + 1)}`).reverse().join(' · ');
      return t('collapse.slope.product', { names, ...productText(c.chainWeights, c.slope) });
    }
    return t('collapse.slope.matrix', { last: `W${layerIndex(this.depth)}`, a: num(c.slope) });
  }

  /** How close the linear stack is to that line: rounding only. */
  get gapText(): string {
    return t('collapse.gap', { gap: num(this.curves.collapseGap) });
  }

  /** How much the activation bends the same stack. */
  get bendText(): string {
    const name = this.activationName;
    if (this.depth === 1) return t('collapse.bend.none');
    const c = this.curves;
    if (c.flat) return t('collapse.bend.flat', { name });
    if (c.bend < STRAIGHT) return t('collapse.bend.straight', { name });
    const bend = num(c.bend);
    return c.bend < BARELY ? t('collapse.bend.barely', { name, bend }) : t('collapse.bend.yes', { name, bend });
  }

  get status(): string {
    const equation = this.equation;
    if (this.depth === 1) return t('collapse.status.one', { equation });
    const name = this.activationName;
    if (this.curves.bend < STRAIGHT) return t('collapse.status.straight', { n: this.depth, equation, name });
    return t('collapse.status', { n: this.depth, equation, name, bend: num(this.curves.bend) });
  }

  /** The depth in words: "1 layer", "3 layers". */
  get depthText(): string {
    return this.depth === 1 ? t('collapse.depth.value.one') : t('collapse.depth.value', { n: this.depth });
  }

  /** A text alternative for the chart. */
  get summary(): string {
    const equation = this.equation;
    const first = this.depth === 1 ? t('collapse.summary.one', { equation }) : t('collapse.summary', { n: this.depth, width: this.width, equation });
    return [first, this.bendText].join(' ');
  }

  setDepth(value: number): void {
    if (Number.isInteger(value) && value >= DEPTH_RANGE[0] && value <= DEPTH_RANGE[1]) this.depth = value;
  }

  setWidth(value: number): void {
    if (Number.isInteger(value) && value >= WIDTH_RANGE[0] && value <= WIDTH_RANGE[1]) this.width = value;
  }

  setActivation(value: string): void {
    const match = COLLAPSE_ACTIVATIONS.find((a) => a === value);
    if (match) this.activation = match;
  }

  /** New weights: the next seed. */
  reseed(): void {
    this.seed = this.seed >= MAX_SEED ? 0 : this.seed + 1;
  }

  setSeed(seed: number): void {
    if (Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) this.seed = seed;
  }

  reset(): void {
    this.apply(DEFAULT_STATE);
  }

  toState(): CollapseState {
    return { depth: this.depth, width: this.width, activation: this.activation, seed: this.seed };
  }

  fromState(state: CollapseState): void {
    const parsed = collapseStateSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    this.apply(parsed.data);
  }

  /** x, the linear stack, the single layer and the bent stack, as CSV. */
  csv(): string {
    const c = this.curves;
    return toCSV(
      ['x', 'linear_stack', 'single_layer', `with_${this.activation}`],
      Array.from(c.x, (x, i) => [x, c.straight[i], c.single[i], c.bent[i]]),
    );
  }

  private apply(state: CollapseState): void {
    this.depth = state.depth;
    this.width = state.width;
    this.activation = state.activation;
    this.seed = state.seed;
  }
}

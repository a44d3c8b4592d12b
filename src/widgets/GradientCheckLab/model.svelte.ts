/**
 * State of the gradient-check lab: which parameter of the lesson's 2-2-1 network is checked, the
 * central-difference step ε (on a log scale, 1e-1 … 1e-12), and whether a bug is planted in the
 * backward pass (the factor f′(z) dropped from the hidden layer's δ). Numbers from the engine.
 */
import { z } from '../../lib/zod.ts';
import { backpropSteps } from '../../engine/backprop-steps.ts';
import { createMLP } from '../../engine/mlp.ts';
import { epsilonSweep, logSpace, type EpsilonRow } from '../../engine/gradient-check.ts';
import type { ChartMarker, LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/gradlab.ts';
import { formatNumber, formatRelError } from '../BackpropStepper/format.ts';
import { PRESET_STATES } from '../BackpropStepper/presets.ts';
import { PARAM_LABELS } from '../LossExplorer/model.svelte.ts';

/** log10 ε from −1 to −12 in quarter decades: the slider's positions, and all a link may hold. */
export const EPS_EXPONENTS = Array.from({ length: 45 }, (_, i) => -1 - i / 4);
/** The sweep's ε values. */
const SWEEP = logSpace(-1, -12, 4);
/** Relative errors below GOOD pass; above BAD signal a bug. */
export const GOOD = 1e-7;
export const BAD = 1e-3;

export const gradLabSchema = z.strictObject({
  param: z.number().check(z.int(), z.minimum(0), z.maximum(8)),
  eps: z.number().check(z.refine((v) => EPS_EXPONENTS.includes(v), { message: 'eps must be a quarter-decade exponent from −1 to −12' })),
  bug: z.boolean(),
});
export type GradLabState = z.infer<typeof gradLabSchema>;

export const DEFAULT_LAB_STATE: GradLabState = { param: 0, eps: -5, bug: false };

const EXAMPLE = PRESET_STATES.lesson;
const LOSS = 'bce' as const;

function exampleNet() {
  const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
  net.params.set(EXAMPLE.params);
  return net;
}

/** One parameter's check at the current ε. */
export interface CheckRow {
  index: number;
  name: string;
  analytic: number;
  numeric: number;
  relError: number;
}

export class GradLabModel {
  param = $state(DEFAULT_LAB_STATE.param);
  eps = $state(DEFAULT_LAB_STATE.eps);
  bug = $state(DEFAULT_LAB_STATE.bug);

  constructor(initial: Partial<GradLabState> = {}) {
    const parsed = gradLabSchema.safeParse({ ...DEFAULT_LAB_STATE, ...initial });
    this.apply(parsed.success ? parsed.data : DEFAULT_LAB_STATE);
  }

  /** Backprop's gradient, with or without the planted bug. */
  analytic = $derived.by(() => backpropSteps(exampleNet(), EXAMPLE.x, EXAMPLE.y, LOSS, { bug: this.bug ? 'drop-df' : null }).grad);

  /** The V: relative error against ε for the chosen parameter. */
  sweep = $derived.by((): EpsilonRow[] => epsilonSweep(exampleNet(), [EXAMPLE.x], [EXAMPLE.y], LOSS, this.param, this.analytic[this.param], SWEEP));

  /** Every parameter checked at the current ε. */
  rows = $derived.by((): CheckRow[] => {
    const net = exampleNet();
    const eps = 10 ** this.eps;
    return Array.from(this.analytic, (analytic, index) => {
      const [row] = epsilonSweep(net, [EXAMPLE.x], [EXAMPLE.y], LOSS, index, analytic, [eps]);
      return { index, name: PARAM_LABELS[index], analytic, numeric: row.numeric, relError: row.relError };
    });
  });

  get current(): CheckRow {
    return this.rows[this.param];
  }

  get series(): LineSeries[] {
    return [{ label: t('gradlab.series', { name: PARAM_LABELS[this.param] }), points: this.sweep.map((r) => ({ x: r.eps, y: Math.max(r.relError, 1e-17) })), color: this.bug ? '--nn-danger' : '--nn-series-1' }];
  }

  get markers(): ChartMarker[] {
    return [{ x: 10 ** this.eps, y: Math.max(this.current.relError, 1e-17), label: formatRelError(this.current.relError) }];
  }

  get verdict(): 'good' | 'unsure' | 'bug' {
    const e = this.current.relError;
    return e < GOOD ? 'good' : e > BAD ? 'bug' : 'unsure';
  }

  /** How many parameters fail the check (relative error above BAD) at the current ε. */
  get failing(): number {
    return this.rows.filter((r) => r.relError > BAD).length;
  }

  get epsText(): string {
    return formatEps(this.eps);
  }

  get status(): string {
    return t(`gradlab.status.${this.verdict}`, { name: PARAM_LABELS[this.param], eps: this.epsText, rel: formatRelError(this.current.relError), failing: this.failing });
  }

  setParam(raw: unknown): void {
    const parsed = gradLabSchema.shape.param.safeParse(Number(raw));
    if (parsed.success) this.param = parsed.data;
  }

  /** Sets log10 ε, snapped to the nearest quarter decade of the slider. */
  setEps(raw: unknown): void {
    const v = Number(raw);
    if (!Number.isFinite(v)) return;
    const snapped = Math.round(Math.min(-1, Math.max(-12, v)) * 4) / 4;
    const parsed = gradLabSchema.shape.eps.safeParse(snapped + 0);
    if (parsed.success) this.eps = parsed.data;
  }

  setBug(raw: unknown): void {
    if (typeof raw === 'boolean') this.bug = raw;
  }

  reset(): void {
    this.apply(DEFAULT_LAB_STATE);
  }

  toState(): GradLabState {
    return { param: this.param, eps: this.eps, bug: this.bug };
  }

  fromState(state: GradLabState): void {
    const parsed = gradLabSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    this.apply(parsed.data);
  }

  csv(): string {
    return toCSV(['eps', 'numeric', 'analytic', 'relative_error'], this.sweep.map((r) => [r.eps, r.numeric, this.analytic[this.param], r.relError]))
      + `\n# parameter=${PARAM_LABELS[this.param]} bug=${this.bug ? 'drop-df' : 'none'}\n`;
  }

  private apply(s: GradLabState): void {
    this.param = s.param;
    this.eps = s.eps;
    this.bug = s.bug;
  }
}

/** 10^e as text: "1e−5", "3.16e−5" (quarter decades). */
export function formatEps(exponent: number): string {
  return formatNumber(10 ** exponent, 3);
}

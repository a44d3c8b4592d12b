/**
 * State of the loss explorer: one prediction ŷ against a target y under MSE and BCE (the curves,
 * their slopes in ŷ and in the logit z), and the loss of the lesson's 2-2-1 network as one chosen
 * weight moves, with backprop's tangent and the numerical slope. Numbers from the engine.
 */
import { z } from '../../lib/zod.ts';
import { createMLP } from '../../engine/mlp.ts';
import { linspace } from '../../engine/grid.ts';
import { lossCurve } from '../../engine/loss-curves.ts';
import { weightProbe, type WeightProbe } from '../../engine/weight-probe.ts';
import type { ChartMarker, LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/lossx.ts';
import { formatNumber, symbolText } from '../BackpropStepper/format.ts';
import { PRESET_STATES } from '../BackpropStepper/presets.ts';

/** Targets the menu offers (and links accept). */
export const TARGETS = [0, 0.5, 1] as const;
export const NET_LOSSES = ['bce', 'mse'] as const;
/** The prediction slider: 0.001 … 0.999 in steps of 0.001. */
export const P_MIN = 0.001;
export const P_MAX = 0.999;
/** The weight slider: −6 … 6 in steps of 0.01. */
export const W_LIMIT = 6;

export const lossExplorerSchema = z.strictObject({
  y: z.literal(TARGETS),
  p: z.number().check(z.minimum(P_MIN), z.maximum(P_MAX)),
  loss: z.enum(NET_LOSSES),
  param: z.number().check(z.int(), z.minimum(0), z.maximum(8)),
  w: z.number().check(z.minimum(-W_LIMIT), z.maximum(W_LIMIT)),
});
export type LossExplorerState = z.infer<typeof lossExplorerSchema>;

export const DEFAULT_LOSS_STATE: LossExplorerState = { y: 1, p: 0.05, loss: 'bce', param: 6, w: 0.7 };

const PS = linspace(P_MIN, P_MAX, 250);
const WS = linspace(-W_LIMIT, W_LIMIT, 241);
const SIZES = [2, 2, 1];
const EXAMPLE = PRESET_STATES.lesson;

/** The lesson's network: the worked example's weights, input and target. */
function exampleNet() {
  const net = createMLP({ sizes: SIZES, hidden: 'sigmoid', output: 'sigmoid' });
  net.params.set(EXAMPLE.params);
  return net;
}

/** Parameter names of the 2-2-1 network in torch's order. */
export const PARAM_LABELS = [
  { q: 'w', l: 1, j: 0, k: 0 }, { q: 'w', l: 1, j: 0, k: 1 }, { q: 'w', l: 1, j: 1, k: 0 }, { q: 'w', l: 1, j: 1, k: 1 },
  { q: 'b', l: 1, j: 0 }, { q: 'b', l: 1, j: 1 }, { q: 'w', l: 2, j: 0, k: 0 }, { q: 'w', l: 2, j: 0, k: 1 }, { q: 'b', l: 2, j: 0 },
].map((s) => symbolText(s as Parameters<typeof symbolText>[0], SIZES));

const round = (v: number, step: number) => Math.round(v / step) * step;

export class LossExplorerModel {
  y = $state<(typeof TARGETS)[number]>(DEFAULT_LOSS_STATE.y);
  p = $state(DEFAULT_LOSS_STATE.p);
  loss = $state<(typeof NET_LOSSES)[number]>(DEFAULT_LOSS_STATE.loss);
  param = $state(DEFAULT_LOSS_STATE.param);
  w = $state(DEFAULT_LOSS_STATE.w);

  constructor(initial: Partial<LossExplorerState> = {}) {
    const parsed = lossExplorerSchema.safeParse({ ...DEFAULT_LOSS_STATE, ...initial });
    this.apply(parsed.success ? parsed.data : DEFAULT_LOSS_STATE);
  }

  curves = $derived.by(() => ({ mse: lossCurve('mse', this.y, PS), bce: lossCurve('bce', this.y, PS) }));
  point = $derived.by(() => ({ mse: lossCurve('mse', this.y, [this.p]), bce: lossCurve('bce', this.y, [this.p]) }));

  /** The network with the chosen weight at its slider value, probed along that weight. */
  probe = $derived.by((): WeightProbe => {
    const net = exampleNet();
    net.params[this.param] = this.w;
    return weightProbe(net, [EXAMPLE.x], [EXAMPLE.y], this.loss, this.param, WS, 1.5);
  });

  get lossSeries(): LineSeries[] {
    const { mse, bce } = this.curves;
    return [
      { label: t('lossx.mse'), points: Array.from(mse.p, (x, i) => ({ x, y: mse.value[i] })), color: '--nn-series-1' },
      { label: t('lossx.bce'), points: Array.from(bce.p, (x, i) => ({ x, y: bce.value[i] })), color: '--nn-series-2' },
    ];
  }

  get slopeSeries(): LineSeries[] {
    const { mse, bce } = this.curves;
    return [
      { label: t('lossx.mse'), points: Array.from(mse.p, (x, i) => ({ x, y: mse.dz[i] })), color: '--nn-series-1' },
      { label: t('lossx.bce'), points: Array.from(bce.p, (x, i) => ({ x, y: bce.dz[i] })), color: '--nn-series-2' },
    ];
  }

  get lossMarkers(): ChartMarker[] {
    const { mse, bce } = this.point;
    return [
      { x: this.p, y: mse.value[0], label: formatNumber(mse.value[0]), color: '--nn-series-1' },
      { x: this.p, y: bce.value[0], label: formatNumber(bce.value[0]), color: '--nn-series-2' },
    ];
  }

  get slopeMarkers(): ChartMarker[] {
    const { mse, bce } = this.point;
    return [
      { x: this.p, y: mse.dz[0], label: formatNumber(mse.dz[0]), color: '--nn-series-1' },
      { x: this.p, y: bce.dz[0], label: formatNumber(bce.dz[0]), color: '--nn-series-2' },
    ];
  }

  get weightSeries(): LineSeries[] {
    const pr = this.probe;
    return [
      { label: t('lossx.w.loss'), points: Array.from(pr.values, (x, i) => ({ x, y: pr.losses[i] })), color: '--nn-series-3' },
      { label: t('lossx.w.tangent'), points: [...pr.tangent], color: '--nn-series-2', dashed: true },
    ];
  }

  get weightMarkers(): ChartMarker[] {
    return [{ x: this.probe.at, y: this.probe.loss, label: formatNumber(this.probe.loss) }];
  }

  get paramName(): string {
    return PARAM_LABELS[this.param];
  }

  get status(): string {
    const { mse, bce } = this.point;
    return t('lossx.status', {
      p: formatNumber(this.p), y: this.y, mse: formatNumber(mse.dz[0]), bce: formatNumber(bce.dz[0]),
      name: this.paramName, w: formatNumber(this.w), grad: formatNumber(this.probe.grad), numeric: formatNumber(this.probe.numeric),
    });
  }

  /** Sets the prediction ŷ (rounded to 0.001 and held to the slider's range). */
  setP(raw: number): void {
    const v = Number(raw);
    if (!Number.isFinite(v)) return;
    const parsed = lossExplorerSchema.shape.p.safeParse(Number(Math.min(P_MAX, Math.max(P_MIN, round(v, 0.001))).toFixed(3)));
    if (parsed.success) this.p = parsed.data;
  }

  setY(raw: unknown): void {
    const parsed = lossExplorerSchema.shape.y.safeParse(Number(raw));
    if (parsed.success) this.y = parsed.data;
  }

  setLoss(raw: unknown): void {
    const parsed = lossExplorerSchema.shape.loss.safeParse(raw);
    if (parsed.success) this.loss = parsed.data;
  }

  /** Chooses the weight to probe; its slider starts at the worked example's value. */
  setParam(raw: unknown): void {
    const parsed = lossExplorerSchema.shape.param.safeParse(Number(raw));
    if (!parsed.success || parsed.data === this.param) return;
    this.param = parsed.data;
    this.w = EXAMPLE.params[parsed.data];
  }

  setW(raw: number): void {
    const v = Number(raw);
    if (!Number.isFinite(v)) return;
    const parsed = lossExplorerSchema.shape.w.safeParse(Number(Math.min(W_LIMIT, Math.max(-W_LIMIT, round(v, 0.01))).toFixed(2)));
    if (parsed.success) this.w = parsed.data;
  }

  reset(): void {
    this.apply(DEFAULT_LOSS_STATE);
  }

  toState(): LossExplorerState {
    return { y: this.y, p: this.p, loss: this.loss, param: this.param, w: this.w };
  }

  fromState(state: LossExplorerState): void {
    const parsed = lossExplorerSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    this.apply(parsed.data);
  }

  csv(): string {
    const { mse, bce } = this.curves;
    const rows = Array.from(mse.p, (p, i) => [p, mse.value[i], mse.dp[i], mse.dz[i], bce.value[i], bce.dp[i], bce.dz[i]]);
    return toCSV(['y_hat', 'mse', 'mse_dy_hat', 'mse_dz', 'bce', 'bce_dy_hat', 'bce_dz'], rows) + `\n# target y=${this.y}\n`;
  }

  private apply(s: LossExplorerState): void {
    this.y = s.y;
    this.p = s.p;
    this.loss = s.loss;
    this.param = s.param;
    this.w = s.w;
  }
}

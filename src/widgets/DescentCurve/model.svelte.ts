/**
 * State of "Descent on a curve": which 1-D loss, the learning rate, the start and how many steps
 * have been taken. The path, the regime and the thresholds come from the engine (descent.ts); this
 * class keeps the state, runs the steps on a timer and puts the numbers into words.
 */
import { z } from '../../lib/zod.ts';
import { curve, curveNames, descend, quadraticRegime, type CurveName, type DescentPath, type Regime } from '../../engine/descent.ts';
import { formatNumber } from '../../components/charts/format.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { parseNumber } from '../../lib/exercise.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/descent.ts';

/** Learning rates the slider offers (it includes 1/c and 2/c of both curves' thresholds' neighbourhoods). */
export const LR_CHOICES = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.2, 1.5] as const;
/** Any typed learning rate must lie in this range (links too). */
export const LR_RANGE = [0.001, 2] as const;
export const MAX_STEPS = 200;
/** Milliseconds between steps while running. */
export const STEP_MS = 260;

export const descentStateSchema = z.strictObject({
  curve: z.enum(curveNames),
  lr: z.number().check(z.minimum(LR_RANGE[0]), z.maximum(LR_RANGE[1])),
  w0: z.number().check(z.minimum(-3), z.maximum(5)),
  steps: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_STEPS)),
});
export type DescentState = z.infer<typeof descentStateSchema>;

export const DEFAULT_STATE: DescentState = { curve: 'quadratic', lr: 0.25, w0: -2.5, steps: 0 };

const num = formatNumber;
/** Fixed three decimals, typographic minus: enough for the arithmetic shown to check. */
export const fix = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d).replace('-', '\u2212') : '–');

export class DescentModel {
  curveName = $state<CurveName>(DEFAULT_STATE.curve);
  lr = $state(DEFAULT_STATE.lr);
  w0 = $state(DEFAULT_STATE.w0);
  steps = $state(DEFAULT_STATE.steps);
  running = $state(false);
  lrError = $state('');
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(initial: Partial<DescentState> = {}) {
    const parsed = descentStateSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    this.apply(parsed.success ? parsed.data : DEFAULT_STATE);
  }

  get curve() {
    return curve(this.curveName);
  }

  /** The start's allowed range on the current curve. */
  get startRange(): [number, number] {
    const v = this.curve.view;
    return [v.wMin, v.wMax];
  }

  path: DescentPath = $derived(descend(curve(this.curveName), this.w0, this.lr, this.steps));

  /** Where the ball is now (the last finite point). */
  get w(): number {
    return this.path.w[this.path.taken];
  }
  get loss(): number {
    return this.path.loss[this.path.taken];
  }
  get slope(): number {
    return this.curve.df(this.w);
  }
  /** The next step −η·L′(w). */
  get move(): number {
    return -this.lr * this.slope;
  }
  get diverged(): boolean {
    return this.path.diverged;
  }

  /** The thresholds 1/c and 2/c at the global minimum, and the regime there. */
  get thresholds(): { c: number; one: number; two: number; regime: Regime; factor: number } {
    const c = this.curve.curvature;
    const info = quadraticRegime(this.lr, c);
    return { c, one: 1 / c, two: 2 / c, regime: info.regime, factor: info.factor };
  }

  get regimeName(): string {
    return t(`descent.regime.${this.thresholds.regime}` as MessageKey);
  }

  /** Sentence about the sign of the slope and where the step goes. */
  get signText(): string {
    const s = this.slope;
    if (this.diverged) return t('descent.sign.diverged');
    if (Math.abs(s) < 1e-9) return t('descent.sign.flat', { slope: fix(s, 4) });
    const key = s < 0 ? 'descent.sign.negative' : 'descent.sign.positive';
    return t(key, { slope: fix(s), lr: fix(this.lr, 3), move: fix(this.move), w: fix(this.w), next: fix(this.w + this.move) });
  }

  get regimeText(): string {
    const th = this.thresholds;
    const key = this.curveName === 'quadratic' ? 'descent.regime.text' : 'descent.regime.textWell';
    return t(key as MessageKey, { c: fix(th.c, 2), one: fix(th.one, 3), two: fix(th.two, 3), lr: fix(this.lr, 3), name: this.regimeName, r: fix(th.factor, 3) });
  }

  get status(): string {
    if (this.diverged) return t('descent.status.diverged', { n: this.path.taken });
    return t('descent.status', { n: this.steps, w: fix(this.w), loss: fix(this.loss, 4), name: this.regimeName });
  }

  /** The curve sampled for drawing (from the engine's f). */
  get samples(): { w: number; l: number }[] {
    const { wMin, wMax } = this.curve.view;
    return Array.from({ length: 161 }, (_, i) => {
      const w = wMin + ((wMax - wMin) * i) / 160;
      return { w, l: this.curve.f(w) };
    });
  }

  /** The loss axis: from the lowest to the highest value drawn, padded. */
  get lossRange(): [number, number] {
    const ls = this.samples.map((s) => s.l);
    const lo = Math.min(...ls);
    const hi = Math.max(...ls);
    return [lo - 0.05 * (hi - lo), hi + 0.08 * (hi - lo)];
  }

  step(): void {
    if (this.diverged || this.steps >= MAX_STEPS) return;
    this.steps += 1;
  }

  run(): void {
    if (this.running) return this.pause();
    if (this.diverged || this.steps >= MAX_STEPS) this.steps = 0;
    this.running = true;
    this.timer = setInterval(() => {
      this.step();
      const settled = Math.abs(this.slope) < 1e-9;
      if (this.diverged || this.steps >= MAX_STEPS || settled) this.pause();
    }, STEP_MS);
  }

  pause(): void {
    clearInterval(this.timer);
    this.running = false;
  }

  restart(): void {
    this.pause();
    this.steps = 0;
  }

  setCurve(value: string): void {
    const match = curveNames.find((c) => c === value);
    if (!match || match === this.curveName) return;
    this.pause();
    this.curveName = match;
    this.w0 = curve(match).start;
    this.steps = 0;
  }

  /** Sets η from the slider's index into LR_CHOICES. */
  setLrIndex(index: number): void {
    const lr = LR_CHOICES[index];
    if (lr !== undefined) this.setLr(lr);
  }

  /** Index of the slider position nearest to η. */
  get lrIndex(): number {
    let best = 0;
    LR_CHOICES.forEach((v, i) => {
      if (Math.abs(Math.log(v / this.lr)) < Math.abs(Math.log(LR_CHOICES[best] / this.lr))) best = i;
    });
    return best;
  }

  /** Accepts a number in LR_RANGE; otherwise keeps η and says why. Returns whether it was taken. */
  setLr(value: number): boolean {
    const ok = descentStateSchema.shape.lr.safeParse(value).success;
    if (!ok) {
      this.lrError = t('descent.lr.invalid', { min: LR_RANGE[0], max: LR_RANGE[1], lr: fix(this.lr, 3) });
      return false;
    }
    this.lrError = '';
    if (value !== this.lr) {
      this.lr = value;
      this.steps = 0;
    }
    return true;
  }

  /** Typed text for η: "" or anything not a number gets the message, the value stays. */
  typeLr(raw: string, live = false): void {
    const parsed = parseNumber(raw);
    if (!parsed.ok) {
      if (!live) this.lrError = t('descent.lr.invalid', { min: LR_RANGE[0], max: LR_RANGE[1], lr: fix(this.lr, 3) });
      return;
    }
    const value = parsed.value;
    if (live && !descentStateSchema.shape.lr.safeParse(value).success) return;
    this.setLr(value);
  }

  setStart(value: number): void {
    const [lo, hi] = this.startRange;
    if (!Number.isFinite(value) || value < lo || value > hi) return;
    this.pause();
    this.w0 = Math.round(value * 10) / 10;
    this.steps = 0;
  }

  reset(): void {
    this.pause();
    this.lrError = '';
    this.apply(DEFAULT_STATE);
  }

  toState(): DescentState {
    return { curve: this.curveName, lr: this.lr, w0: this.w0, steps: this.steps };
  }

  fromState(state: DescentState): void {
    const parsed = descentStateSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    const view = curve(parsed.data.curve).view;
    if (parsed.data.w0 < view.wMin || parsed.data.w0 > view.wMax) throw new Error('start outside the curve');
    this.pause();
    this.apply(parsed.data);
  }

  csv(): string {
    const p = this.path;
    return toCSV(['step', 'w', 'loss', 'dL_dw'], Array.from(p.w.slice(0, p.taken + 1), (w, i) => [i, w, p.loss[i], this.curve.df(w)]));
  }

  destroy(): void {
    this.pause();
  }

  private apply(s: DescentState): void {
    this.curveName = s.curve;
    this.lr = s.lr;
    this.w0 = s.w0;
    this.steps = s.steps;
  }
}

export { num };

/**
 * State of "Momentum in a valley": η and μ on the bowl θ₁² + 10θ₂². The paths come from the
 * engine's race (heavy ball and plain GD), the per-direction factors from momentumRate.
 */
import { z } from '../../lib/zod.ts';
import { momentumRate, race } from '../../engine/race.ts';
import { surface } from '../../engine/surfaces.ts';
import { isoline, logLevels, sampleGrid } from '../../engine/contours.ts';
import type { LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/valley.ts';

export const VALLEY_LR = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.095] as const;
/** μ from 0 to 0.99 in steps of 0.01. */
export const VALLEY_BETA = Array.from({ length: 100 }, (_, i) => i / 100);
export const VALLEY_STEPS = 150;
export const CURVATURES = [2, 20] as const;

export const valleyStateSchema = z.strictObject({
  lr: z.number().check(z.refine((v) => (VALLEY_LR as readonly number[]).includes(v), { message: 'not an offered learning rate' })),
  beta: z.number().check(z.refine((v) => VALLEY_BETA.includes(v), { message: 'μ must be 0 to 0.99 in steps of 0.01' })),
});
export type ValleyState = z.infer<typeof valleyStateSchema>;
export const DEFAULT_STATE: ValleyState = { lr: 0.04, beta: 0.9 };

const bowl = surface('bowl');
const f3 = (v: number) => v.toFixed(3);
/** Steps for a distance that shrinks by `rate` a step to fall below a millionth of its start (Infinity for never). */
export const stepsTo = (rate: number) => (rate < 1 ? Math.ceil(Math.log(1e-6) / Math.log(rate)) : Infinity);

/** Cells a side of the grid the contour lines are traced on, and how many levels are drawn. */
const CONTOUR_GRID = 60;
const CONTOUR_LEVELS = 10;
let contourGrid: { grid: Float64Array; levels: number[] } | null = null;
const contourPaths: string[] = [];

/** The bowl sampled on the contour grid, and its levels (made once). */
function gridOf(): { grid: Float64Array; levels: number[] } {
  if (!contourGrid) {
    const grid = sampleGrid(bowl.f, bowl.view, CONTOUR_GRID, CONTOUR_GRID);
    contourGrid = { grid, levels: logLevels(grid, 0, CONTOUR_LEVELS) };
  }
  return contourGrid;
}

/** Contour level `k` as one SVG path (made once). */
function contourPath(k: number): string {
  let d = contourPaths[k];
  if (d === undefined) {
    const { grid, levels } = gridOf();
    const seg = isoline(grid, CONTOUR_GRID, CONTOUR_GRID, bowl.view, levels[k]);
    d = '';
    for (let i = 0; i < seg.length; i += 4) d += `M${f3(seg[i])} ${f3(seg[i + 1])}L${f3(seg[i + 2])} ${f3(seg[i + 3])}`;
    contourPaths[k] = d;
  }
  return d;
}

/** Every contour level of the bowl, as SVG paths. */
export function valleyContours(): string[] {
  return gridOf().levels.map((_, k) => contourPath(k));
}

/**
 * The contour map as small jobs (the grid, then one level each) for the page to run one per task
 * before the widget hydrates (src/lib/warm-up.ts); the widget then finds them made.
 */
export function warmUpJobs(): (() => void)[] {
  const jobs: (() => void)[] = [() => void gridOf()];
  for (let k = 0; k < CONTOUR_LEVELS; k++) jobs.push(() => void (k < gridOf().levels.length && contourPath(k)));
  return jobs;
}

export class ValleyModel {
  lr = $state(DEFAULT_STATE.lr);
  beta = $state(DEFAULT_STATE.beta);

  lanes = $derived(
    race(bowl, [{ spec: { kind: 'momentum', lr: this.lr, momentum: this.beta } }, { spec: { kind: 'sgd', lr: this.lr } }], bowl.start, { steps: VALLEY_STEPS }),
  );

  /** The bowl's contour lines, one SVG path per level (the same for every η and μ). */
  readonly contours: string[] = valleyContours();

  get view() {
    return bowl.view;
  }
  get start(): [number, number] {
    return [bowl.start[0], bowl.start[1]];
  }

  /**
   * Per direction: GD's factor |1 − ηλ|, momentum's factor and the best μ = (1 − √(ηλ))², where the
   * oscillation is just damped (for ηλ past 1 too: there the factor at that μ is √(ηλ) − 1).
   */
  get rows(): { label: string; gd: number; mom: number; best: number }[] {
    return CURVATURES.map((c, i) => ({
      label: t(i === 0 ? 'valley.th1' : 'valley.th2'),
      gd: momentumRate(this.lr, 0, c),
      mom: momentumRate(this.lr, this.beta, c),
      best: (1 - Math.sqrt(this.lr * c)) ** 2,
    }));
  }

  get paths() {
    const pts = (p: Float64Array) => Array.from({ length: p.length / 2 }, (_, k) => `${p[2 * k].toFixed(4)},${p[2 * k + 1].toFixed(4)}`).join(' ');
    return [
      { label: 'gd', color: 'var(--nn-series-1)', points: pts(this.lanes[1].path), dashed: true },
      { label: 'momentum', color: 'var(--nn-series-2)', points: pts(this.lanes[0].path) },
    ];
  }

  get series(): LineSeries[] {
    const dist = (lane: { path: Float64Array }, axis: number) => Array.from({ length: lane.path.length / 2 }, (_, k) => ({ x: k, y: Math.max(1e-16, Math.abs(lane.path[2 * k + axis])) }));
    return [
      { label: t('valley.series.t1'), color: '--nn-series-2', points: dist(this.lanes[0], 0) },
      { label: t('valley.series.t2'), color: '--nn-series-4', points: dist(this.lanes[0], 1) },
      { label: t('valley.series.gd1'), color: '--nn-series-1', dashed: true, points: dist(this.lanes[1], 0) },
    ];
  }

  get status(): string {
    const slow = Math.max(...this.rows.map((r) => r.mom));
    const gd = Math.max(...this.rows.map((r) => r.gd));
    const s = (n: number) => (Number.isFinite(n) ? String(n) : t('valley.never'));
    return t('valley.status', { lr: this.lr, beta: this.beta, rate: f3(slow), steps: s(stepsTo(slow)), gd: f3(gd), gdSteps: s(stepsTo(gd)) });
  }

  setLrIndex(i: number): void {
    const v = VALLEY_LR[i];
    if (v !== undefined) this.lr = v;
  }
  setBeta(v: number): void {
    const r = Math.round(v * 100) / 100;
    if (valleyStateSchema.shape.beta.safeParse(r).success) this.beta = r;
  }
  reset(): void {
    this.lr = DEFAULT_STATE.lr;
    this.beta = DEFAULT_STATE.beta;
  }
  toState(): ValleyState {
    return { lr: this.lr, beta: this.beta };
  }
  fromState(s: ValleyState): void {
    const p = valleyStateSchema.safeParse(s);
    if (!p.success) throw new Error(p.error.issues[0]?.message ?? 'invalid state');
    this.lr = p.data.lr;
    this.beta = p.data.beta;
  }
  csv(): string {
    const [m, g] = this.lanes;
    return toCSV(['step', 'momentum_theta1', 'momentum_theta2', 'gd_theta1', 'gd_theta2'], Array.from({ length: m.loss.length }, (_, k) => [k, m.path[2 * k], m.path[2 * k + 1], g.path[2 * k], g.path[2 * k + 1]]));
  }
}

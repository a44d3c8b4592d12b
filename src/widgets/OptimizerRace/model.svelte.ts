/**
 * State of the optimizer race: the surface, the start, each racer's settings and whether it runs,
 * the noise seed and the playhead (how many of the 2,000 steps are shown). The whole race is
 * computed by the engine at once (race.ts, deterministic), so the playhead only reveals it: a share
 * link with the same state shows exactly the same picture.
 */
import { z } from '../../lib/zod.ts';
import { raceLane, type Lane } from '../../engine/race.ts';
import { surface, surfaceNames, type SurfaceName } from '../../engine/surfaces.ts';
import {
  BETA_CHOICES, LR_GRID, NOISE_CHOICES, RACE_STEPS, SQUARE_AVG_CHOICES, TUNED_LR, defaultSettings, racerNames, runnerFor, settledAt,
  type RacerName, type RacerSettings,
} from '../../engine/race-presets.ts';
import { isoline, logLevels, sampleGrid } from '../../engine/contours.ts';
import { formatNumber } from '../../components/charts/format.ts';
import type { LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { MAX_SEED } from '../../components/widget/seed.ts';
import { parseNumber } from '../../lib/exercise.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/race.ts';

export const LR_RANGE = [LR_GRID[0], LR_GRID[LR_GRID.length - 1]] as const;
/** Steps revealed per animation frame while running. */
export const STEPS_PER_FRAME = 8;
/** The Rosenbrock challenge: plain GD below this loss at the last step, from the default start. */
export const CHALLENGE_LOSS = 0.01;
export const COLORS: Record<RacerName, string> = {
  gd: '--nn-series-1', sgd: '--nn-series-6', momentum: '--nn-series-2', nesterov: '--nn-series-7',
  adagrad: '--nn-series-5', rmsprop: '--nn-series-4', adam: '--nn-series-3',
};

const lit = <T extends readonly number[]>(values: T) => z.number().check(z.refine((v) => values.includes(v), { message: `must be one of ${values.join(', ')}` }));
const racerSchema = z.strictObject({
  on: z.boolean(),
  lr: z.number().check(z.minimum(LR_RANGE[0]), z.maximum(LR_RANGE[1])),
  beta: lit(BETA_CHOICES),
  beta2: lit(SQUARE_AVG_CHOICES),
  noise: lit(NOISE_CHOICES),
});
export const raceStateSchema = z.strictObject({
  surface: z.enum(surfaceNames),
  start: z.tuple([z.number(), z.number()]),
  racers: z.strictObject(Object.fromEntries(racerNames.map((r) => [r, racerSchema])) as Record<RacerName, typeof racerSchema>),
  t: z.number().check(z.int(), z.minimum(0), z.maximum(RACE_STEPS)),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
});
export type RaceState = z.infer<typeof raceStateSchema>;
type RacerState = z.infer<typeof racerSchema>;

/** The tuned racers of a surface, all on. */
export function presetRacers(name: SurfaceName): Record<RacerName, RacerState> {
  return Object.fromEntries(racerNames.map((r) => [r, { on: true, ...defaultSettings(r, TUNED_LR[name][r]) }])) as Record<RacerName, RacerState>;
}

export const DEFAULT_STATE: RaceState = { surface: 'rosenbrock', start: [...surface('rosenbrock').start], racers: presetRacers('rosenbrock'), t: 0, seed: 1 };

const num = formatNumber;
const round2 = (v: number) => Math.round(v * 100) / 100;

/** Lanes already run, by everything that decides them, the most recently used last (a few states' worth). */
const laneCache = new Map<string, Lane>();
const LANE_CACHE_SIZE = 4 * racerNames.length;

/** Racer `r`'s lane (at its place `index` in the race) with these settings, run once and then remembered. */
function laneOf(name: SurfaceName, r: RacerName, index: number, settings: RacerSettings, start: readonly [number, number], seed: number): Lane {
  const runner = runnerFor(r, settings);
  const key = JSON.stringify([name, index, runner, start, seed]);
  const known = laneCache.get(key);
  if (known) {
    laneCache.delete(key);
    laneCache.set(key, known);
    return known;
  }
  const lane = raceLane(surface(name), runner, index, [start[0], start[1]], { steps: RACE_STEPS, seed });
  laneCache.set(key, lane);
  if (laneCache.size > LANE_CACHE_SIZE) laneCache.delete(laneCache.keys().next().value as string);
  return lane;
}

/** Grid and contour levels of a surface, and its contour paths as far as they have been drawn. */
interface SurfaceContours {
  grid: Float64Array;
  levels: number[];
  paths: (string | undefined)[];
}
const CONTOUR_GRID = 90;
const CONTOUR_LEVELS = 14;
const contourCache = new Map<SurfaceName, SurfaceContours>();

function contourBase(name: SurfaceName): SurfaceContours {
  let known = contourCache.get(name);
  if (!known) {
    const s = surface(name);
    const grid = sampleGrid(s.f, s.view, CONTOUR_GRID, CONTOUR_GRID);
    known = { grid, levels: logLevels(grid, s.minValue, CONTOUR_LEVELS), paths: [] };
    contourCache.set(name, known);
  }
  return known;
}

/** The SVG path of contour level `k` of a surface (its isoline's segments), made once. */
function contourPath(name: SurfaceName, k: number): string {
  const base = contourBase(name);
  let d = base.paths[k];
  if (d === undefined) {
    const seg = isoline(base.grid, CONTOUR_GRID, CONTOUR_GRID, surface(name).view, base.levels[k]);
    d = '';
    for (let i = 0; i < seg.length; i += 4) d += `M${seg[i].toFixed(3)} ${seg[i + 1].toFixed(3)}L${seg[i + 2].toFixed(3)} ${seg[i + 3].toFixed(3)}`;
    base.paths[k] = d;
  }
  return d;
}

/** A surface's contour lines: CONTOUR_LEVELS levels evenly spaced in log(f − f_min), each one SVG path. */
export function contoursOf(name: SurfaceName): string[] {
  return contourBase(name).levels.map((_, k) => contourPath(name, k));
}

/**
 * What showing `state` takes the engine, as small jobs (the contour grid, each contour level, each
 * racer's lane), for the page to run one per task before the widget hydrates (src/lib/warm-up.ts).
 * Each fills the caches above; the model then reads them. The numbers are the same either way.
 */
export function warmUpJobs(state: RaceState): (() => void)[] {
  const name = state.surface;
  const jobs: (() => void)[] = [() => void contourBase(name)];
  for (let k = 0; k < CONTOUR_LEVELS; k++) jobs.push(() => void (k < contourBase(name).levels.length && contourPath(name, k)));
  racerNames.forEach((r, i) => {
    const { lr, beta, beta2, noise } = state.racers[r];
    jobs.push(() => void laneOf(name, r, i, { lr, beta, beta2, noise }, state.start, state.seed));
  });
  return jobs;
}

export class RaceModel {
  surfaceName = $state<SurfaceName>(DEFAULT_STATE.surface);
  start = $state<[number, number]>([...DEFAULT_STATE.start]);
  racers = $state<Record<RacerName, RacerState>>(presetRacers(DEFAULT_STATE.surface));
  t = $state(0);
  seed = $state(1);
  running = $state(false);
  editing = $state<RacerName>('gd');
  lrError = $state('');
  private frame = 0;

  constructor(initial: Partial<RaceState> = {}) {
    const parsed = raceStateSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    this.apply(parsed.success && this.inView(parsed.data) ? parsed.data : DEFAULT_STATE);
  }

  get surface() {
    return surface(this.surfaceName);
  }

  /** Every racer's lane over the whole race (computed once per setting). */
  lanes: Lane[] = $derived(racerNames.map((r, i) => laneOf(this.surfaceName, r, i, this.settingsOf(r), this.start, this.seed)));

  /** Contour lines: 14 levels evenly spaced in log(f − f_min), each as one SVG path. */
  contours: string[] = $derived(contoursOf(this.surfaceName));

  settingsOf(r: RacerName): RacerSettings {
    const { lr, beta, beta2, noise } = this.racers[r];
    return { lr, beta, beta2, noise };
  }

  /** Step at which each racer settled (within 1e-6 of the minimum's loss and stayed), or null. */
  get arrivals(): (number | null)[] {
    return this.lanes.map((lane) => settledAt(lane, this.surface.minValue));
  }

  /** The racers on, with what the legend says about each at the playhead. */
  get legend(): { name: RacerName; label: string; color: string; text: string; state: 'arrived' | 'diverged' | 'running' }[] {
    const out = [];
    for (const [i, r] of racerNames.entries()) {
      if (!this.racers[r].on) continue;
      const lane = this.lanes[i];
      const arrived = this.arrivals[i];
      const last = lane.loss.length - 1;
      let text: string;
      let state: 'arrived' | 'diverged' | 'running' = 'running';
      if (arrived !== null && arrived <= this.t) {
        text = t('race.legend.arrived', { n: arrived });
        state = 'arrived';
      } else if (lane.diverged && last < this.t) {
        text = t('race.legend.diverged', { n: last + 1 });
        state = 'diverged';
      } else text = t('race.legend.loss', { loss: num(lane.loss[Math.min(this.t, last)] - this.surface.minValue) });
      out.push({ name: r, label: t(`race.racer.${r}` as MessageKey), color: COLORS[r], text, state });
    }
    return out;
  }

  /** "Momentum arrived first, at step 405." once someone has, at the playhead. */
  get winner(): string {
    let best: { r: RacerName; n: number } | null = null;
    racerNames.forEach((r, i) => {
      const a = this.arrivals[i];
      if (this.racers[r].on && a !== null && a <= this.t && (best === null || a < best.n)) best = { r, n: a };
    });
    const b = best as { r: RacerName; n: number } | null;
    return b ? t('race.winner', { name: t(`race.racer.${b.r}` as MessageKey), n: b.n }) : t('race.winner.none');
  }

  /** Map paths up to the playhead, in data units. */
  get paths(): { label: string; color: string; points: string }[] {
    return racerNames.flatMap((r, i) => {
      if (!this.racers[r].on) return [];
      const p = this.lanes[i].path;
      const n = Math.min(this.t, p.length / 2 - 1);
      let pts = '';
      for (let k = 0; k <= n; k++) pts += `${p[2 * k].toFixed(4)},${p[2 * k + 1].toFixed(4)} `;
      return [{ label: r, color: `var(${COLORS[r]})`, points: pts }];
    });
  }

  /** f − f_min per step up to the playhead (at most ~400 points a line; zeros floored at 1e-16 for the log axis). */
  get lossSeries(): LineSeries[] {
    return racerNames.flatMap((r, i) => {
      if (!this.racers[r].on) return [];
      const loss = this.lanes[i].loss;
      const n = Math.min(this.t, loss.length - 1);
      const every = Math.max(1, Math.ceil(n / 400));
      const points = [];
      for (let k = 0; k <= n; k += every) points.push({ x: k, y: Math.max(1e-16, loss[k] - this.surface.minValue) });
      if (n % every !== 0) points.push({ x: n, y: Math.max(1e-16, loss[n] - this.surface.minValue) });
      return [{ label: t(`race.racer.${r}` as MessageKey), color: COLORS[r], points }];
    });
  }

  /** The challenge: Rosenbrock, default start, GD on, run to the end, loss below 0.01 there. */
  get challenge(): { surface: boolean; start: boolean; end: boolean; loss: boolean } {
    const gd = this.lanes[0];
    const s0 = surface('rosenbrock').start;
    return {
      surface: this.surfaceName === 'rosenbrock',
      start: this.start[0] === s0[0] && this.start[1] === s0[1],
      end: this.t === RACE_STEPS && this.racers.gd.on,
      loss: !gd.diverged && gd.loss[gd.loss.length - 1] - this.surface.minValue < CHALLENGE_LOSS,
    };
  }
  get challengeSolved(): boolean {
    const c = this.challenge;
    return c.surface && c.start && c.end && c.loss;
  }

  get status(): string {
    return t('race.status', { surface: t(`race.surface.${this.surfaceName}` as MessageKey), n: this.t, total: RACE_STEPS, winner: this.winner });
  }

  get startText(): string {
    return t('race.start.value', { x: num(this.start[0]), y: num(this.start[1]) });
  }

  // ---- actions (each validated against the same schema that reads links) ----
  setSurface(value: string): void {
    const match = surfaceNames.find((s) => s === value);
    if (!match) return;
    this.pause();
    this.surfaceName = match;
    this.start = [...surface(match).start];
    this.racers = presetRacers(match);
    this.t = 0;
    this.lrError = '';
  }

  /** Puts every racer back on its tuned preset for this surface. */
  usePresets(): void {
    this.racers = presetRacers(this.surfaceName);
    this.lrError = '';
  }

  setStart(x: number, y: number): void {
    const v = this.surface.view;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.start = [round2(Math.min(v.xMax, Math.max(v.xMin, x))), round2(Math.min(v.yMax, Math.max(v.yMin, y)))];
  }

  setOn(r: RacerName, on: boolean): void {
    if (racerNames.includes(r) && typeof on === 'boolean') this.racers[r] = { ...this.racers[r], on };
  }

  setEditing(value: string): void {
    const match = racerNames.find((r) => r === value);
    if (match) {
      this.editing = match;
      this.lrError = '';
    }
  }

  /** Sets one setting of one racer if the schema accepts the result; returns whether it did. */
  setSetting(r: RacerName, key: keyof RacerSettings, value: number): boolean {
    if (!racerNames.includes(r)) return false;
    const next = { ...this.racers[r], [key]: value };
    if (!racerSchema.safeParse(next).success) return false;
    this.racers[r] = next;
    return true;
  }

  setLrIndex(r: RacerName, index: number): void {
    const lr = LR_GRID[index];
    if (lr !== undefined && this.setSetting(r, 'lr', lr)) this.lrError = '';
  }

  lrIndexOf(r: RacerName): number {
    const lr = this.racers[r].lr;
    let best = 0;
    LR_GRID.forEach((v, i) => {
      if (Math.abs(Math.log(v / lr)) < Math.abs(Math.log(LR_GRID[best] / lr))) best = i;
    });
    return best;
  }

  typeLr(r: RacerName, raw: string, live = false): void {
    const parsed = parseNumber(raw);
    const ok = parsed.ok && this.setSetting(r, 'lr', parsed.value);
    if (ok) this.lrError = '';
    else if (!live) this.lrError = t('race.lr.invalid', { min: LR_RANGE[0], max: LR_RANGE[1], lr: this.racers[r].lr });
  }

  setSeed(seed: number): void {
    if (Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) this.seed = seed;
  }

  seek(t: number): void {
    if (Number.isInteger(t)) this.t = Math.min(RACE_STEPS, Math.max(0, t));
  }

  run(): void {
    if (this.running) return this.pause();
    if (this.t >= RACE_STEPS) this.t = 0;
    this.running = true;
    const tick = () => {
      if (!this.running) return;
      this.t = Math.min(RACE_STEPS, this.t + STEPS_PER_FRAME);
      if (this.t >= RACE_STEPS) this.running = false;
      else this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  pause(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.running = false;
  }

  reset(): void {
    this.pause();
    this.lrError = '';
    this.apply(DEFAULT_STATE);
  }

  toState(): RaceState {
    return { surface: this.surfaceName, start: [...this.start], racers: $state.snapshot(this.racers), t: this.t, seed: this.seed };
  }

  fromState(state: RaceState): void {
    const parsed = raceStateSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    if (!this.inView(parsed.data)) throw new Error('the start lies outside the map');
    this.pause();
    this.apply(parsed.data);
  }

  csv(): string {
    const rows: (number | string)[][] = [];
    racerNames.forEach((r, i) => {
      if (!this.racers[r].on) return;
      const lane = this.lanes[i];
      for (let k = 0; k < lane.loss.length; k++) rows.push([r, k, lane.path[2 * k], lane.path[2 * k + 1], lane.loss[k]]);
    });
    return toCSV(['optimizer', 'step', 'theta1', 'theta2', 'loss'], rows);
  }

  destroy(): void {
    this.pause();
  }

  private inView(s: RaceState): boolean {
    const v = surface(s.surface).view;
    return s.start[0] >= v.xMin && s.start[0] <= v.xMax && s.start[1] >= v.yMin && s.start[1] <= v.yMax;
  }

  private apply(s: RaceState): void {
    this.surfaceName = s.surface;
    this.start = [s.start[0], s.start[1]];
    this.racers = structuredClone(s.racers);
    this.t = s.t;
    this.seed = s.seed;
  }
}

export { BETA_CHOICES, NOISE_CHOICES, SQUARE_AVG_CHOICES, LR_GRID, RACE_STEPS, racerNames, type RacerName };

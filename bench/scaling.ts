/**
 * The network playground's scaling table, printed by `npm run bench` after the engine benchmark
 * (or alone by `npm run bench:scaling`): for networks of 1 to 6 hidden layers of 2, 4, 8 or 12
 * units at 400 points, then 100 to 2000 points at two layers of 8, how many epochs a second the
 * playground's training loop runs and how long one redraw of its pictures takes.
 *
 * Set-up: the playground's first view (circle, noise 0.05, 30% held out for testing, seed 1) with
 * tanh hidden units, a sigmoid output, binary cross-entropy, and mini-batch SGD with lr 0.03 and
 * batches of 10, built by the playground's own buildProblem and trained by its own Session.
 * A redraw is MapMaker's decision map (50×50 cells), every unit's map (24×24) and the first
 * layer's lines, with every map coloured into RGBA pixels by fillPixels, as the Heatmap component
 * does; the canvas calls themselves (putImageData, drawImage, the points) are not included.
 */
import os from 'node:os';
import { mix, parseColor, type RGBA } from '../src/components/charts/color.ts';
import { buildLut, fillPixels, packRGBA } from '../src/components/charts/heatmap-render.ts';
import { readPalette, type Palette } from '../src/components/charts/theme.ts';
import { FRAME_BUDGET, mapEvery, SLOWEST_MAP_EVERY } from '../src/widgets/NetworkPlayground/cadence.ts';
import { MapMaker, REGION_CELLS, UNIT_CELLS } from '../src/widgets/NetworkPlayground/maps.ts';
import { baseData, buildProblem } from '../src/widgets/NetworkPlayground/problem.ts';
import { Session } from '../src/widgets/NetworkPlayground/session.ts';
import { countParameters, DEFAULT_STATE, type PlaygroundState } from '../src/widgets/NetworkPlayground/settings.ts';
import { median } from './median.ts';
import { capsCrossed, MAX_FRAME_MS, MIN_EPOCHS_PER_SECOND, verdict } from './verdict.ts';

const DEPTHS = [1, 2, 3, 4, 5, 6];
const WIDTHS = [2, 4, 8, 12];
const SHAPE_POINTS = 400;
const POINT_COUNTS = [100, 250, 500, 1000, 2000];
const POINTS_LAYERS = [8, 8];
const LR = 0.03;
const BATCH = 10;
/** Timed training runs per row, each of about RUN_MS, after one warm-up run of WARM_MS. */
const RUNS = 3;
const RUN_MS = 500;
const WARM_MS = 150;
/** Timed redraws per row, after WARM_FRAMES untimed ones. */
const FRAMES = 30;
const WARM_FRAMES = 5;
/** Intensity of the decision map's and of the unit maps' colours, as MapView and NetworkGraph pass them. */
const REGION_INTENSITY = 0.55;
const UNIT_INTENSITY = 0.9;

/** One row of the table, measured. */
interface Row {
  sizes: number[];
  points: number;
  trainRows: number;
  params: number;
  epochsPerSecond: number;
  frameMs: number;
  /** Median ms of the decision map alone (what the playground redraws every frame while training). */
  mapMs: number;
  /** Decision maps a second the playground then draws at 60 Hz (`mapEvery`). */
  mapsPerSecond: number;
  /** Why training stopped inside a timed run (converged or diverged), or null. */
  stopped: string | null;
  caps: string[];
}

/** The playground state of a row: its first view with this network, these points and the bench's training settings. */
function stateOf(layers: number[], points: number): PlaygroundState {
  return { ...DEFAULT_STATE, layers, points, activation: 'tanh', optimizer: 'sgd', lr: LR, batchSize: BATCH, loss: 'bce' };
}

/** Epochs a second of a fresh session trained whole epochs for about `ms`; stops early if training does. */
function trainFor(session: Session, ms: number): { rate: number; stopped: string | null } {
  const start = performance.now();
  let now = start;
  let stopped: string | null = null;
  while (now - start < ms) {
    const more = session.runEpochs(1);
    now = performance.now();
    if (!more) {
      stopped = `${session.status} at epoch ${session.epoch}`;
      break;
    }
  }
  return { rate: session.epoch / ((now - start) / 1000), stopped };
}

/** A colour table as the Heatmap component builds it: diverging class 0 → surface → class 1, or sequential surface → accent. */
function heatmapLut(palette: Palette, scale: 'diverging' | 'sequential', intensity: number): Uint32Array {
  const c = (css: string, fallback: RGBA): RGBA => parseColor(css) ?? fallback;
  const surface = c(palette.surface, [255, 255, 255, 1]);
  if (scale === 'sequential') return buildLut([surface, mix(surface, c(palette.accent, [59, 70, 196, 1]), intensity)]);
  const c0 = mix(surface, c(palette.classes[0], [194, 65, 12, 1]), intensity);
  const c1 = mix(surface, c(palette.classes[1], [29, 100, 194, 1]), intensity);
  return buildLut([c0, surface, c1]);
}

/** Median milliseconds of the decision map alone: its values and pixels. */
function mapMs(maker: MapMaker, params: Float64Array): number {
  const palette = readPalette();
  const missing = packRGBA(parseColor(palette.surface2) ?? [200, 200, 200, 1]);
  const lut = heatmapLut(palette, 'diverging', REGION_INTENSITY);
  const pixels = new Uint32Array(REGION_CELLS * REGION_CELLS);
  const times: number[] = [];
  maker.setParams(params);
  for (let i = 0; i < WARM_FRAMES + FRAMES; i++) {
    const start = performance.now();
    fillPixels(pixels, maker.regionValues(), pixels.length, lut, [0, 1], false, missing);
    if (i >= WARM_FRAMES) times.push(performance.now() - start);
  }
  return median(times);
}

/** Decision maps a second at 60 Hz for a map that costs `ms`: every frame, or as `mapEvery` spaces them. */
export function mapsPerSecond(ms: number): number {
  return 1000 / Math.max(1000 / 60, mapEvery(ms));
}

/** Median milliseconds of one redraw's arithmetic: region values, every unit map, lines, and all their pixels. */
function frameMs(maker: MapMaker, params: Float64Array): number {
  const palette = readPalette();
  const missing = packRGBA(parseColor(palette.surface2) ?? [200, 200, 200, 1]);
  const regionLut = heatmapLut(palette, 'diverging', REGION_INTENSITY);
  const unitLuts = { diverging: heatmapLut(palette, 'diverging', UNIT_INTENSITY), sequential: heatmapLut(palette, 'sequential', UNIT_INTENSITY) };
  // Each Heatmap keeps its own pixel buffer from one redraw to the next.
  const regionPixels = new Uint32Array(REGION_CELLS * REGION_CELLS);
  const unitPixels: Uint32Array[] = [];
  const times: number[] = [];
  for (let i = 0; i < WARM_FRAMES + FRAMES; i++) {
    const start = performance.now();
    maker.setParams(params);
    fillPixels(regionPixels, maker.regionValues(), regionPixels.length, regionLut, [0, 1], false, missing);
    let k = 0;
    for (const layer of maker.unitMaps()) {
      for (const map of layer) {
        unitPixels[k] ??= new Uint32Array(UNIT_CELLS * UNIT_CELLS);
        fillPixels(unitPixels[k], map.values, UNIT_CELLS * UNIT_CELLS, unitLuts[map.scale], map.domain, false, missing);
        k++;
      }
    }
    maker.firstLayerLines();
    if (i >= WARM_FRAMES) times.push(performance.now() - start);
  }
  return median(times);
}

/** Measures one row: training speed from fresh sessions, then redraws with the weights the last run reached. */
function measure(layers: number[], points: number): Row {
  const state = stateOf(layers, points);
  const data = baseData(state);
  const problem = buildProblem(state, data);
  trainFor(new Session(problem), WARM_MS);
  const rates: number[] = [];
  let stopped: string | null = null;
  let session: Session | null = null;
  for (let r = 0; r < RUNS; r++) {
    session = new Session(problem);
    const run = trainFor(session, RUN_MS);
    rates.push(run.rate);
    stopped ??= run.stopped;
  }
  const params = countParameters(state.dataset, layers);
  if (params !== session!.net.params.length) throw new Error(`countParameters gives ${params} but the network has ${session!.net.params.length}`);
  const maker = new MapMaker(problem.sizes, problem.hidden, problem.output, data.extent);
  const map = mapMs(maker, session!.net.params);
  return {
    sizes: problem.sizes,
    points,
    trainRows: problem.train.x.length,
    params,
    epochsPerSecond: median(rates),
    frameMs: frameMs(maker, session!.net.params),
    mapMs: map,
    mapsPerSecond: mapsPerSecond(map),
    stopped,
    caps: capsCrossed(layers, points, params),
  };
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** Measures every row and prints the table, with the machine's load average before and after. */
export function printScaling(): void {
  const started = performance.now();
  const cpus = os.cpus();
  console.log(`\nNetwork playground scaling: circle (noise 0.05, 30% test, seed 1), tanh hidden, sigmoid output, bce, SGD lr ${LR}, batch ${BATCH}`);
  console.log(`epochs/s: median of ${RUNS} runs of ${RUN_MS} ms, each a fresh Session trained whole epochs (the loop the worker runs, with its loss measurements)`);
  console.log(`frame ms: median of ${FRAMES} redraws: ${REGION_CELLS}x${REGION_CELLS} decision map, every unit's ${UNIT_CELLS}x${UNIT_CELLS} map and the lines, all coloured into RGBA pixels (canvas calls not included)`);
  console.log(`interactive: at least ${MIN_EPOCHS_PER_SECOND} epochs/s and at most ${MAX_FRAME_MS} ms a frame. With two cores or fewer the worker rests 4 ms after each 8 ms slice, so Play reaches about 2/3 of these epochs/s`);
  console.log(`map ms: median of ${FRAMES} decision maps alone, what the playground redraws while training; maps/s: how many it then draws a second at 60 Hz (every frame up to ${FRAME_BUDGET} ms a map, then every 2× its cost, at least ${1000 / SLOWEST_MAP_EVERY} a second)`);
  console.log(`load average (1, 5, 15 min) before: ${loadAverage()}, on ${cpus.length} x ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}\n`);

  const header = `${'network'.padEnd(22)}${'points'.padStart(7)}${'train rows'.padStart(11)}${'parameters'.padStart(11)}${'epochs/s'.padStart(10)}${'frame ms'.padStart(10)}${'map ms'.padStart(8)}${'maps/s'.padStart(8)}  verdict`;
  console.log(header);
  console.log('-'.repeat(header.length + 20));
  const shapes = DEPTHS.flatMap((depth) => WIDTHS.map((width) => ({ layers: Array(depth).fill(width) as number[], points: SHAPE_POINTS })));
  const sizes = POINT_COUNTS.map((points) => ({ layers: POINTS_LAYERS, points }));
  for (const [i, { layers, points }] of [...shapes, ...sizes].entries()) {
    if (i === shapes.length) console.log('');
    const row = measure(layers, points);
    const notes = [verdict(row.epochsPerSecond, row.frameMs)];
    if (row.caps.length > 0) notes.push(`over the cap (${row.caps.join(', ')}), shown for scale`);
    if (row.stopped) notes.push(`training stopped: ${row.stopped}`);
    console.log(
      row.sizes.join('-').padEnd(22) +
        String(row.points).padStart(7) +
        String(row.trainRows).padStart(11) +
        String(row.params).padStart(11) +
        row.epochsPerSecond.toFixed(0).padStart(10) +
        row.frameMs.toFixed(2).padStart(10) +
        row.mapMs.toFixed(2).padStart(8) +
        row.mapsPerSecond.toFixed(0).padStart(8) +
        `  ${notes.join('; ')}`,
    );
  }
  console.log(`\nload average after: ${loadAverage()}; the table took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.main) printScaling();

/**
 * The first picture of a share link, before the widget is running. When the page's address carries
 * a playground state, the page fetches this file from the top of its head and runs it just before
 * the widget's markup (see src/integrations/widget-preload.mjs): it reads the state, computes the
 * link's network at epoch 0 with the engine, and paints its decision map into the server-rendered
 * canvas as the parser inserts it. The widget, when it hydrates, draws the same pixels into the same
 * canvas and carries on (replaying the link's epochs, if any). A link outside the playground's caps
 * paints nothing: the widget explains it once it runs.
 *
 * It is built on its own, as one small classic script with no schema library (widget-preload.mjs),
 * so it arrives with the stylesheets instead of after the widget's thirty-odd modules. It computes
 * with the widget's own modules (network, maps, heatmap colours), so the picture is the widget's to
 * the last pixel; a browser test compares the two.
 */
import { readRawState } from '../../lib/share-raw.ts';
import { parseColor, type RGBA } from '../../components/charts/color.ts';
import { buildLut, fillClassPixels, fillPixels, packRGBA, scaleStops } from '../../components/charts/heatmap-render.ts';
import { readPalette, type Palette } from '../../components/charts/theme.ts';
import { datasetExtent } from '../../engine/datasets.ts';
import { createMLP } from '../../engine/mlp.ts';
import {
  ACTIVATIONS,
  DATASETS,
  INITS,
  MAX_HELD_OUT,
  MAX_LAYERS,
  MAX_NOISE,
  MAX_PARAMS,
  MAX_POINTS,
  MAX_SEED,
  MAX_TEST,
  MAX_UNITS,
  MAX_VALID,
  MIN_POINTS,
  MIN_TEST,
  classCount,
  countParameters,
} from './limits.ts';
import { MapMaker, REGION_CELLS, REGION_INTENSITY, classField } from './maps.ts';
import { layerSizes, streamSeeds } from './problem.ts';
import type { PlaygroundState } from './settings.ts';

/** What the first picture depends on: the data, the network and how the map is coloured. */
export type FirstFrameState = Pick<
  PlaygroundState,
  'dataset' | 'noise' | 'testFraction' | 'validFraction' | 'points' | 'layers' | 'activation' | 'init' | 'seed' | 'discretize'
>;

const within = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const integer = (v: unknown, lo: number, hi: number): v is number => within(v, lo, hi) && Number.isInteger(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * The fields of a link's state that the first picture uses, when each is within the playground's
 * caps (the same constants the schema uses); otherwise null, and nothing is drawn. The schema, run
 * by the widget, has the last word on the whole state: this only keeps the first picture from
 * computing what the widget would refuse to.
 */
export function firstFrameState(value: unknown): FirstFrameState | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const validFraction = v.validFraction === undefined ? 0 : v.validFraction;
  const init = v.init === undefined ? 'xavier' : v.init;
  if (!oneOf(DATASETS, v.dataset) || !oneOf(ACTIVATIONS, v.activation) || !oneOf(INITS, init)) return null;
  if (!within(v.noise, 0, MAX_NOISE) || !within(v.testFraction, MIN_TEST, MAX_TEST) || !within(validFraction, 0, MAX_VALID)) return null;
  if (v.testFraction + validFraction > MAX_HELD_OUT + 1e-9) return null;
  if (!integer(v.points, MIN_POINTS, MAX_POINTS) || !integer(v.seed, 0, MAX_SEED) || typeof v.discretize !== 'boolean') return null;
  const layers = v.layers;
  if (!Array.isArray(layers) || layers.length > MAX_LAYERS || !layers.every((n) => integer(n, 1, MAX_UNITS))) return null;
  if (countParameters(v.dataset, layers) > MAX_PARAMS) return null;
  return {
    dataset: v.dataset,
    noise: v.noise,
    testFraction: v.testFraction,
    validFraction,
    points: v.points,
    layers: [...layers],
    activation: v.activation,
    init,
    seed: v.seed,
    discretize: v.discretize,
  };
}

/** The network's output over the decision map's cells at epoch 0 (see MapMaker.regionValues). */
export function firstFrameRegion(state: FirstFrameState): Float64Array {
  // The map needs the network and the view, not the points: the same sizes, activations,
  // initialisation and weight seed as the widget's session (buildProblem), over the dataset's square.
  const classes = classCount(state.dataset);
  const sizes = layerSizes(state);
  const output = classes === 3 ? 'softmax' : 'sigmoid';
  const maps = new MapMaker(sizes, state.activation, output, datasetExtent(state.dataset));
  const net = createMLP({ sizes, hidden: state.activation, output, seed: streamSeeds(state.seed).weights, init: state.init ?? 'xavier' });
  maps.setParams(net.params);
  return maps.regionValues();
}

/** The map's cells in the palette's colours, as the widget paints them: packed RGBA words, row-major, row 0 at the top. */
export function regionPixels(region: Float64Array, state: Pick<FirstFrameState, 'dataset' | 'discretize'>, palette: Palette): Uint32Array {
  const n = REGION_CELLS * REGION_CELLS;
  const pixels = new Uint32Array(n);
  if (classCount(state.dataset) === 3) {
    const { label, confidence } = classField(region, n, 3);
    const surface = parseColor(palette.surface) ?? [255, 255, 255, 1];
    const classes = palette.classes.map((c): RGBA => parseColor(c) ?? [128, 128, 128, 1]);
    fillClassPixels(pixels, label, confidence, n, surface, classes, state.discretize);
  } else {
    const lut = buildLut(scaleStops(palette, 'diverging', REGION_INTENSITY));
    const missing = packRGBA(parseColor(palette.surface2) ?? [200, 200, 200, 1]);
    fillPixels(pixels, region, n, lut, [0, 1], state.discretize, missing);
  }
  return pixels;
}

/** The decision map of a state at epoch 0, as the widget paints it. Pure: no DOM. */
export function firstFramePixels(state: FirstFrameState, palette: Palette): Uint32Array {
  return regionPixels(firstFrameRegion(state), state, palette);
}

/** The decision map's canvas inside widget `id`'s markup, while the widget has not hydrated yet. */
function waitingCanvas(id: string): HTMLCanvasElement | null | 'hydrated' {
  const root = document.getElementById(id);
  if (!root) return null;
  if (root.closest('astro-island:not([ssr])')) return 'hydrated';
  return root.querySelector<HTMLCanvasElement>('.mapview canvas');
}

/** The page's stylesheets that have not loaded yet (the colours are CSS variables). */
function pendingStyles(): HTMLLinkElement[] {
  return Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).filter((l) => !l.sheet);
}

/** Resolves once every stylesheet in the page has loaded. */
function stylesLoaded(): Promise<void> {
  return Promise.all(pendingStyles().map((l) => new Promise<void>((done) => {
    l.addEventListener('load', () => done(), { once: true });
    l.addEventListener('error', () => done(), { once: true });
  }))).then(() => undefined);
}

/** Resolves with the canvas once the parser has reached it; null if the page ends without one or the widget hydrated first. */
function canvasParsed(id: string): Promise<HTMLCanvasElement | null> {
  return new Promise((done) => {
    const check = (): boolean => {
      const found = waitingCanvas(id);
      if (found === 'hydrated') done(null);
      else if (found) done(found);
      else if (document.readyState !== 'loading') done(null);
      else return false;
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => {
      observer.disconnect();
      if (!check()) done(null);
    }, { once: true });
  });
}

/** Puts the map's pixels into the canvas. */
function put(canvas: HTMLCanvasElement, state: FirstFrameState, pixels: Uint32Array): boolean {
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  canvas.width = REGION_CELLS;
  canvas.height = REGION_CELLS;
  const image = new ImageData(REGION_CELLS, REGION_CELLS);
  new Uint32Array(image.data.buffer).set(pixels);
  ctx.putImageData(image, 0, 0);
  if (classCount(state.dataset) === 3 && state.discretize) canvas.style.imageRendering = 'pixelated';
  performance.mark?.('nn:first-frame');
  return true;
}

/**
 * Paints the decision map of the playground state in the page's address (`w-<id>`) into widget
 * `id`'s canvas before the widget runs. The page runs this file just before the widget's markup
 * (a parser-blocking script, on share links only): the pixels are computed at once, and the canvas
 * is painted in the task in which the parser inserts it (a mutation observer's callback), so the
 * browser's first paint of the widget already shows the map. Resolves with whether it painted.
 * Never throws.
 */
export function paintFirstFrame(id: string): Promise<boolean> {
  try {
    const read = readRawState(new URLSearchParams(location.search).get(`w-${id}`));
    const state = read.ok ? firstFrameState(read.value) : null;
    if (!state) return Promise.resolve(false);
    const region = firstFrameRegion(state);
    const colour = () => regionPixels(region, state, readPalette());
    // The colours are CSS variables: read now if the stylesheets are in (the usual case), else once they are.
    const early = pendingStyles().length === 0 ? colour() : null;
    return canvasParsed(id).then((canvas) => {
      if (!canvas) return false;
      if (early) return put(canvas, state, early);
      return stylesLoaded().then(() => (waitingCanvas(id) === canvas ? put(canvas, state, colour()) : false));
    }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

// Run by the page as `<this file>#<widget id>` (see FIRST_FRAME_TAIL in widget-preload.mjs).
if (typeof document !== 'undefined') {
  try {
    const script = document.currentScript as HTMLScriptElement | null;
    const id = script?.src ? decodeURIComponent(new URL(script.src).hash.slice(1)) : '';
    if (id) void paintFirstFrame(id);
  } catch {
    // a malformed id: no first picture
  }
}

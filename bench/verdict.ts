/**
 * How a row of the playground's scaling table is judged: whether a network trains fast enough and
 * redraws within a frame's budget, and which of the playground's caps it lies beyond.
 */
import { MAX_LAYERS, MAX_PARAMS, MAX_POINTS, MAX_UNITS, MIN_POINTS } from '../src/widgets/NetworkPlayground/settings.ts';

/** Fewest epochs a second for training to look live. */
export const MIN_EPOCHS_PER_SECOND = 30;
/** Most milliseconds for one redraw of the decision map and every unit's map (half a 60 Hz frame). */
export const MAX_FRAME_MS = 8;

/** "interactive" when epochs/s ≥ MIN_EPOCHS_PER_SECOND and the frame takes ≤ MAX_FRAME_MS, else the limits crossed. */
export function verdict(epochsPerSecond: number, frameMs: number): string {
  const crossed: string[] = [];
  if (!(epochsPerSecond >= MIN_EPOCHS_PER_SECOND)) crossed.push(`under ${MIN_EPOCHS_PER_SECOND} epochs/s`);
  if (!(frameMs <= MAX_FRAME_MS)) crossed.push(`frame over ${MAX_FRAME_MS} ms`);
  return crossed.length === 0 ? 'interactive' : crossed.join(', ');
}

/** The playground's caps that a network and data size lie beyond, one phrase each; empty when within all. */
export function capsCrossed(layers: readonly number[], points: number, params: number): string[] {
  const crossed: string[] = [];
  if (layers.length > MAX_LAYERS) crossed.push(`${layers.length} layers > ${MAX_LAYERS}`);
  const widest = Math.max(0, ...layers);
  if (widest > MAX_UNITS) crossed.push(`${widest} units > ${MAX_UNITS}`);
  if (params > MAX_PARAMS) crossed.push(`${params} parameters > ${MAX_PARAMS}`);
  if (points > MAX_POINTS) crossed.push(`${points} points > ${MAX_POINTS}`);
  if (points < MIN_POINTS) crossed.push(`${points} points < ${MIN_POINTS}`);
  return crossed;
}

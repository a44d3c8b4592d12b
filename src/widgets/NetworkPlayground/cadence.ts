/**
 * How often the playground redraws its decision map while training, kept apart from the model so
 * the benchmarks (`npm run bench:scaling`) use the same rule as the page.
 */

/** Least time between two pictures while training (ms): 0, one per animation frame. */
export const FRAME_EVERY = 0;
/**
 * Main-thread time one decision map may take (ms) and still be redrawn on every frame. A bigger
 * network or a denser grid costs more; past this the map is redrawn less often, so that it takes
 * at most half the main thread and the page keeps answering (see `mapEvery`).
 */
export const FRAME_BUDGET = 8;
/** However slow the map, it is redrawn at least this often while training (ms). */
export const SLOWEST_MAP_EVERY = 250;

/**
 * Least time between two decision maps while training, for a map that takes `cost` ms to compute:
 * every frame within FRAME_BUDGET, else twice its cost (so the page has the other half), at most
 * SLOWEST_MAP_EVERY.
 */
export function mapEvery(cost: number): number {
  if (!Number.isFinite(cost) || cost <= FRAME_BUDGET) return FRAME_EVERY;
  return Math.min(SLOWEST_MAP_EVERY, 2 * cost);
}

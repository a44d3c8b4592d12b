/** Seeds as learners type them: a whole number from 0 to 2³¹ − 1, nothing else. */

/** The largest seed: 2³¹ − 1. */
export const MAX_SEED = 2 ** 31 - 1;

/** A typed seed, read: the number, or why it cannot be used. */
export type SeedResult = { ok: true; seed: number } | { ok: false; error: 'empty' | 'format' | 'range' };

/** Reads a seed typed by a learner: digits only (surrounding spaces allowed), at most MAX_SEED. */
export function parseSeed(text: string): SeedResult {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return { ok: false, error: 'empty' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'format' };
  const seed = Number(trimmed);
  if (!Number.isSafeInteger(seed) || seed > MAX_SEED) return { ok: false, error: 'range' };
  return { ok: true, seed };
}

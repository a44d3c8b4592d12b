/**
 * The first steps of reading a widget state from a link, with no schema library: base64url → UTF-8
 * → JSON, with the length, nesting and prototype-key checks (see share-state.ts, whose
 * `decodeState` then hands the value to the widget's schema). Never throws.
 */

/** Longest encoded state accepted by `decodeState` (characters of base64url). */
export const MAX_STATE_LENGTH = 4000;

/** Deepest nesting of arrays and objects accepted in a decoded state. */
export const MAX_STATE_DEPTH = 16;

/** Keys that could reach an object's prototype; a state containing any of them is rejected. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A parsed but not yet validated state, or why there is none (`absent`: no state was given). */
export type RawState = { ok: true; value: unknown } | { ok: false; reason: string; absent?: boolean };

/** base64url text → bytes, or null when the text is not valid base64url. */
function fromBase64Url(raw: string): Uint8Array | null {
  if (!BASE64URL.test(raw) || raw.length % 4 === 1) return null;
  const padded = raw.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (raw.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The first problem found in a parsed JSON value's shape (forbidden key, too deep), or null. */
export function findShapeProblem(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_STATE_DEPTH) return `nesting deeper than ${MAX_STATE_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = findShapeProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `a forbidden key "${key}"`;
    const problem = findShapeProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Reads encoded state text as far as a JSON value of an allowed shape; the schema's checks come after. */
export function readRawState(raw: string | null | undefined): RawState {
  if (raw === null || raw === undefined || raw === '') {
    return { ok: false, reason: 'no state given', absent: true };
  }
  if (typeof raw !== 'string') return { ok: false, reason: 'the state is not text' };
  if (raw.length > MAX_STATE_LENGTH) {
    return { ok: false, reason: `the state is longer than ${MAX_STATE_LENGTH} characters` };
  }
  const bytes = fromBase64Url(raw);
  if (!bytes) return { ok: false, reason: 'the state is not valid base64url' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'the state is not valid UTF-8' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the state is not valid JSON' };
  }
  const shapeProblem = findShapeProblem(parsed);
  if (shapeProblem) return { ok: false, reason: `the state has ${shapeProblem}` };
  return { ok: true, value: parsed };
}

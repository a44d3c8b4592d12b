/**
 * Widget state in the page URL, so a link opens a widget exactly as it was shared.
 *
 * A widget's state is a plain object. It travels as JSON → UTF-8 → base64url in the query
 * parameter `w-<id>`, and the link's hash is `#<id>` so the page scrolls to the widget. Reading is
 * defensive: the raw text comes from whoever wrote the link, so every step can fail, and each
 * failure is reported as `{ ok: false, reason }` instead of an exception. The widget's Zod schema
 * has the last word: it enforces the widget's caps, so a link can never bypass them. Any Zod 4
 * schema does (`zod/mini`, as the widgets use, or classic `zod`).
 */
// The English messages of the issues that refusals quote (see zod.ts); also the schemas' type.
import { z, type AnySchema } from './zod.ts';

/** Longest encoded state accepted by `decodeState` (characters of base64url). */
export const MAX_STATE_LENGTH = 4000;

/** Deepest nesting of arrays and objects accepted in a decoded state. */
export const MAX_STATE_DEPTH = 16;

/** Keys that could reach an object's prototype; a state containing any of them is rejected. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The outcome of reading a state: the validated value, or why it could not be used. */
export type DecodeResult<T> =
  | { ok: true; value: T }
  /** `absent` is true when there was nothing to read (no parameter), as opposed to a bad one. */
  | { ok: false; reason: string; absent?: boolean };

/** The URL query parameter that carries widget `id`'s state: `w-<id>`. */
export function stateParam(id: string): string {
  return `w-${id}`;
}

/** Encodes any JSON-serialisable value as base64url text (UTF-8 safe, no padding). */
export function encodeState(state: unknown): string {
  const json = JSON.stringify(state);
  if (json === undefined) throw new TypeError('encodeState: the state is not JSON-serialisable');
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short for large states.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

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
function findShapeProblem(value: unknown, depth = 0): string | null {
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

/**
 * Decodes and validates a state written by `encodeState`. Rejects missing or over-long input,
 * bad base64url, bad UTF-8, bad JSON, prototype keys, and anything the schema refuses. Never throws.
 */
export function decodeState<T>(raw: string | null | undefined, schema: AnySchema<T>): DecodeResult<T> {
  try {
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
    const result = z.safeParse(schema, parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'state';
      return { ok: false, reason: `${where}: ${issue?.message ?? 'rejected by the schema'}` };
    }
    // A schema with transforms could build new objects: check the output too.
    const outputProblem = findShapeProblem(result.data);
    if (outputProblem) return { ok: false, reason: `the state has ${outputProblem}` };
    return { ok: true, value: result.data };
  } catch (error) {
    // A throwing refinement or transform in a schema still must not break the page.
    return { ok: false, reason: `the state could not be checked (${(error as Error)?.name ?? 'error'})` };
  }
}

/** The current page address, or a neutral base outside a browser. */
function currentHref(): string {
  return typeof location === 'undefined' ? 'http://localhost/' : location.href;
}

/**
 * Reads widget `id`'s state from a URL (default: the current page). When the URL has no `w-<id>`
 * parameter the result is `{ ok: false, absent: true }`: defaults apply, and nothing is wrong.
 */
export function readStateFromUrl<T>(id: string, schema: AnySchema<T>, url: string = currentHref()): DecodeResult<T> {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return { ok: false, reason: 'the page address is not a valid URL' };
  }
  const raw = params.get(stateParam(id));
  if (raw === null) return { ok: false, reason: 'no state in the URL', absent: true };
  return decodeState(raw, schema);
}

/**
 * The URL (default: the current page) with widget `id`'s state set in `w-<id>` and the hash
 * `#<id>`. Other query parameters, including other widgets' states, are kept.
 */
export function stateUrl(id: string, state: unknown, url: string = currentHref()): string {
  const target = new URL(url);
  target.searchParams.set(stateParam(id), encodeState(state));
  target.hash = id;
  return target.toString();
}

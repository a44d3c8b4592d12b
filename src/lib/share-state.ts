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
import { findShapeProblem, readRawState } from './share-raw.ts';

export { MAX_STATE_DEPTH, MAX_STATE_LENGTH } from './share-raw.ts';

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

/**
 * Decodes and validates a state written by `encodeState`. Rejects missing or over-long input,
 * bad base64url, bad UTF-8, bad JSON, prototype keys, and anything the schema refuses. Never throws.
 */
export function decodeState<T>(raw: string | null | undefined, schema: AnySchema<T>): DecodeResult<T> {
  try {
    const read = readRawState(raw);
    if (!read.ok) return read;
    const result = z.safeParse(schema, read.value);
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

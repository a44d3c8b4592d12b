/**
 * Learner progress: which exercises and widget challenges are done and which chapters were read
 * (`read:<lesson id>`), kept in the browser's localStorage under `nn-progress` so it survives a
 * reload, and where the learner last was (`nn-last`). Nothing leaves the browser unless the
 * learner exports it to a file (`exportProgress`), which `importProgress` reads back elsewhere.
 *
 * Storage can be missing (server rendering), blocked (privacy settings) or full; every function
 * then still works for the current page from an in-memory copy and never throws. A corrupt stored
 * value reads as "nothing done yet".
 */

/** The localStorage key. */
export const PROGRESS_KEY = 'nn-progress';

/** The window event fired after progress changes; `detail` is `{ id }` (or `{ id: null }` on clear). */
export const PROGRESS_EVENT = 'nn-progresschange';

/** Most ids kept; the oldest are dropped beyond this (a guard against runaway writes). */
export const MAX_PROGRESS_IDS = 2000;

/** The part of the Web Storage interface progress needs (a fake one in tests). */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Used when localStorage is unavailable, so the page still remembers until it is closed. */
const memory = new Map<string, string>();
const memoryStorage: ProgressStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

/** The latest value a storage refused to save (quota, private mode): newer than what it holds. */
const refused = new WeakMap<ProgressStorage, string>();

/** localStorage when it can be used, else the in-memory fallback. */
export function defaultStorage(): ProgressStorage {
  try {
    const storage = globalThis.localStorage;
    if (storage) {
      storage.getItem(PROGRESS_KEY);
      return storage;
    }
  } catch {
    // Access itself throws when storage is blocked.
  }
  return memoryStorage;
}

/** True for an id progress accepts: a letter or digit, then letters, digits, `.`, `_`, `:`, `-`; at most 100. */
export function isValidProgressId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** The ids stored in `storage`, oldest first; anything malformed is ignored. */
export function read(storage: ProgressStorage): string[] {
  let raw: string | null = refused.get(storage) ?? null;
  try {
    raw ??= storage.getItem(PROGRESS_KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    const done = (parsed as { done?: unknown } | null)?.done;
    if (!Array.isArray(done)) return [];
    return [...new Set(done.filter(isValidProgressId))];
  } catch {
    return [];
  }
}

/** Writes `ids`; keeps them in memory when storage refuses (quota, private mode). */
export function write(storage: ProgressStorage, ids: string[]): void {
  const value = JSON.stringify({ v: 1, done: ids.slice(-MAX_PROGRESS_IDS) });
  try {
    storage.setItem(PROGRESS_KEY, value);
    refused.delete(storage);
  } catch {
    refused.set(storage, value);
  }
}

/** Tells this tab's listeners that progress changed. */
export function announce(id: string | null): void {
  if (typeof window === 'undefined' || typeof CustomEvent === 'undefined') return;
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { id } }));
}

/** Records exercise or challenge `id` as done (idempotent). Invalid ids are ignored. */
export function markDone(id: string, storage: ProgressStorage = defaultStorage()): void {
  if (!isValidProgressId(id)) return;
  const ids = read(storage);
  if (ids.includes(id)) return;
  ids.push(id);
  write(storage, ids);
  announce(id);
}

/** Whether `id` has been recorded as done. */
export function isDone(id: string, storage: ProgressStorage = defaultStorage()): boolean {
  return isValidProgressId(id) && read(storage).includes(id);
}

/** Every id recorded as done, in the order they were done. */
export function doneIds(storage: ProgressStorage = defaultStorage()): string[] {
  return read(storage);
}

/** Forgets all progress. */
export function clearProgress(storage: ProgressStorage = defaultStorage()): void {
  refused.delete(storage);
  try {
    storage.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing stored that we could reach.
  }
  announce(null);
}

/**
 * Calls `callback` whenever progress changes, in this tab or another one. Returns the function
 * that stops listening.
 */
export function onProgressChange(callback: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === PROGRESS_KEY) callback();
  };
  window.addEventListener(PROGRESS_EVENT, callback);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(PROGRESS_EVENT, callback);
    window.removeEventListener('storage', onStorage);
  };
}

/** The progress ids a lesson's source registers: its exercises' ids and its challenges' ids. */
export interface LessonProgressIds {
  exercises: string[];
  challenges: string[];
}

/**
 * The `id="…"` attribute of every `<Name …>` tag in MDX source, in order, without duplicates.
 * Attribute expressions (`answer={a > b}`) and quoted values may hold `>`: the tag ends at the
 * first `>` outside them.
 */
function tagIds(source: string, names: readonly string[]): string[] {
  const ids: string[] = [];
  const open = new RegExp(`<(?:${names.join('|')})(?=[\\s/>])`, 'g');
  for (const match of source.matchAll(open)) {
    let depth = 0;
    let quote: string | null = null;
    let end = match.index + match[0].length;
    for (; end < source.length; end++) {
      const c = source[end];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth = Math.max(0, depth - 1);
      else if (c === '>' && depth === 0) break;
    }
    const id = /\sid="([^"]+)"/.exec(source.slice(match.index, end))?.[1];
    if (isValidProgressId(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The exercise and challenge ids in a lesson's MDX source: each `<Exercise id="…">`, and each
 * challenge a widget records, named in the lesson by `<ChallengeStatus id="…">` (or `<Challenge id="…">`).
 */
export function lessonProgressIds(source: string): LessonProgressIds {
  return { exercises: tagIds(source, ['Exercise']), challenges: tagIds(source, ['ChallengeStatus', 'Challenge']) };
}

/** The progress id of "chapter read" for a lesson. */
export function readId(lessonId: string): string {
  return `read:${lessonId}`;
}

/** Forgets one id (a chapter marked read by mistake). */
export function unmarkDone(id: string, storage: ProgressStorage = defaultStorage()): void {
  const ids = read(storage);
  if (!ids.includes(id)) return;
  write(storage, ids.filter((x) => x !== id));
  announce(id);
}

// ---- where the learner was: "continue where you left off" ----

/** The localStorage key of the last place read. */
export const LAST_KEY = 'nn-last';

/** A place in the course: a lesson and one of its sections. */
export interface LastVisit {
  lesson: string;
  chapter: number;
  title: string;
  /** The section's id (a heading slug), or '' for the top of the lesson. */
  section: string;
  sectionTitle: string;
  /** When, ms since 1970. */
  at: number;
}

/** True for a well-formed LastVisit (stored values and imported files are checked with it). */
export function isLastVisit(v: unknown): v is LastVisit {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  return (
    keys === 'at,chapter,lesson,section,sectionTitle,title' &&
    typeof o.lesson === 'string' && /^[a-z0-9][a-z0-9-]{0,80}$/.test(o.lesson) &&
    Number.isInteger(o.chapter) && (o.chapter as number) >= 0 && (o.chapter as number) <= 99 &&
    typeof o.title === 'string' && o.title.length <= 200 &&
    typeof o.section === 'string' && /^[A-Za-z0-9_-]{0,200}$/.test(o.section) &&
    typeof o.sectionTitle === 'string' && o.sectionTitle.length <= 300 &&
    Number.isInteger(o.at) && (o.at as number) >= 0
  );
}

/** Remembers where the learner is (a lesson and its section); bad values are ignored. */
export function saveLastVisit(visit: LastVisit, storage: ProgressStorage = defaultStorage()): void {
  if (!isLastVisit(visit)) return;
  try {
    storage.setItem(LAST_KEY, JSON.stringify(visit));
  } catch {
    // storage refused: the page simply will not offer to continue
  }
}

/** The last place read, or null (nothing yet, or a stored value that does not read). */
export function lastVisit(storage: ProgressStorage = defaultStorage()): LastVisit | null {
  try {
    const raw = storage.getItem(LAST_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return isLastVisit(value) ? value : null;
  } catch {
    return null;
  }
}

/** Forgets progress and the last place read. */
export function clearAll(storage: ProgressStorage = defaultStorage()): void {
  try {
    storage.removeItem(LAST_KEY);
  } catch {
    // nothing to reach
  }
  clearProgress(storage);
}

/**
 * Progress to a file and back: `exportProgress` writes what this browser has (done ids, chapters
 * read, the last place) as JSON; `importProgress` checks such a file (zod) and merges it in, or
 * changes nothing and says why. Kept apart from progress.ts so pages that only show progress do
 * not load the validator.
 */
import { z } from './zod.ts';
import { announce, defaultStorage, isLastVisit, isValidProgressId, lastVisit, MAX_PROGRESS_IDS, read, saveLastVisit, write, type LastVisit, type ProgressStorage } from './progress.ts';

const lastSchema = z.custom<LastVisit>(isLastVisit, { message: 'not a place in the course' });


/** What an exported progress file says it is. */
export const PROGRESS_FORMAT = 'neural-notebook-progress';
/** Files larger than this are refused before parsing. */
export const MAX_PROGRESS_FILE = 256 * 1024;

const fileSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(1),
  exported: z.string().check(z.maxLength(40)),
  done: z.array(z.string().check(z.refine(isValidProgressId, { message: 'not a progress id' }))).check(z.maxLength(MAX_PROGRESS_IDS)),
  last: z.nullable(lastSchema),
});
export type ProgressFile = z.infer<typeof fileSchema>;

/** The learner's progress as a file's text (JSON), to carry to another browser. */
export function exportProgress(now: Date = new Date(), storage: ProgressStorage = defaultStorage()): string {
  const file: ProgressFile = { format: PROGRESS_FORMAT, version: 1, exported: now.toISOString(), done: read(storage), last: lastVisit(storage) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What an import did: how many ids were new here, or why nothing changed. */
export type ImportResult = { ok: true; added: number; total: number } | { ok: false; reason: string };

/**
 * Reads an exported file and adds its progress to this browser's (nothing is lost on either side:
 * the ids are merged, the later "last place" kept). A file that is not one, or is damaged, changes
 * nothing and says why.
 */
export function importProgress(text: string, storage: ProgressStorage = defaultStorage()): ImportResult {
  if (text.length > MAX_PROGRESS_FILE) return { ok: false, reason: `the file is larger than ${MAX_PROGRESS_FILE / 1024} KB, so it is not a progress file` };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'the file is not JSON, so it is not a progress file' };
  }
  if ((json as { format?: unknown } | null)?.format !== PROGRESS_FORMAT) return { ok: false, reason: 'the file is not a Neural Notebook progress file' };
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `the file is damaged (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'})` };
  }
  const ids = read(storage);
  const have = new Set(ids);
  const fresh = parsed.data.done.filter((id) => !have.has(id));
  const uniqueFresh = [...new Set(fresh)];
  if (uniqueFresh.length > 0) write(storage, [...ids, ...uniqueFresh]);
  const last = parsed.data.last;
  const mine = lastVisit(storage);
  if (last && (!mine || last.at > mine.at)) saveLastVisit(last, storage);
  announce(null);
  return { ok: true, added: uniqueFresh.length, total: read(storage).length };
}


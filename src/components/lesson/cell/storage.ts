/**
 * A learner's edit of a code cell, kept in localStorage under `nn-cell:<id>` so a reload keeps it.
 * Storage can be missing or refuse writes (private browsing, a full quota): then the edit simply
 * lives as long as the page, and nothing breaks.
 */

/** The localStorage key of a cell's edit. */
export const editKey = (id: string): string => `nn-cell:${id}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The saved edit of cell `id`, or null when there is none (or storage is unavailable). */
export function loadEdit(id: string): string | null {
  try {
    return storage()?.getItem(editKey(id)) ?? null;
  } catch {
    return null;
  }
}

/** Saves `code` as the edit of cell `id`; code equal to the lesson's `original` removes the entry. */
export function saveEdit(id: string, code: string, original: string): void {
  try {
    if (code === original) storage()?.removeItem(editKey(id));
    else storage()?.setItem(editKey(id), code);
  } catch {
    // Quota or privacy settings: the edit stays on the page only.
  }
}

/** Forgets the edit of cell `id`. */
export function clearEdit(id: string): void {
  try {
    storage()?.removeItem(editKey(id));
  } catch {
    // Nothing to forget.
  }
}

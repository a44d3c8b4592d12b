/**
 * `client:widget`: hydrates an island when it comes near the viewport, like `client:visible`, but
 * at once when the page's address names something inside it: a share link's `w-<id>` state, an
 * assignment, or the `#<id>` the link scrolls to. A learner who opens a link to a widget then
 * sees it working as soon as its code arrives, not after the page has scrolled down to it.
 */
import type { ClientDirective } from 'astro';

/** The element ids the address points at: `w-<id>` query keys and the hash. */
export function addressedIds(search: string, hash: string): string[] {
  const ids: string[] = [];
  for (const key of new URLSearchParams(search).keys()) if (key.startsWith('w-') && key.length > 2) ids.push(key.slice(2));
  let target = hash.replace(/^#/, '');
  try {
    target = decodeURIComponent(target);
  } catch {
    // a malformed escape: use the raw text
  }
  if (target) ids.push(target);
  return ids;
}

const widget: ClientDirective = (load, options, el) => {
  let started = false;
  const hydrate = async () => {
    if (started) return;
    started = true;
    const run = await load();
    await run();
  };
  const addressed = addressedIds(location.search, location.hash).some((id) => {
    try {
      return el.querySelector(`#${CSS.escape(id)}`) !== null;
    } catch {
      return false;
    }
  });
  if (addressed) {
    void hydrate();
    return;
  }
  const value = options.value as { rootMargin?: string } | true | undefined;
  const rootMargin = typeof value === 'object' && value?.rootMargin ? value.rootMargin : '0px';
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void hydrate();
    },
    { rootMargin },
  );
  // The island itself has no box (display: contents): watch what it holds.
  for (const child of Array.from(el.children)) observer.observe(child);
};

export default widget;

/**
 * `client:widget`: hydrates an island when it comes near the viewport, like `client:visible`, but
 * at once when the page's address names something inside it: a share link's `w-<id>` state, an
 * assignment, or the `#<id>` the link scrolls to: then it starts right after the first paint. A
 * learner who opens a link to a widget sees it working as soon as its code arrives, not after the
 * page has scrolled down to it.
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

/** How long an addressed widget waits for the first contentful paint to be reported, at most. */
export const FIRST_PAINT_WAIT_MS = 3000;

/**
 * Runs `then` once the page's first contentful paint is out (reported by the browser's paint
 * timing, which gives the time the frame was shown), or after FIRST_PAINT_WAIT_MS, or in the task
 * after the next animation frame where paint timing is missing. An addressed widget's modules are
 * asked for from here (and the head script's preloads, in widget-preload.mjs, at the same moment),
 * so the first paint waits only for the page's HTML and stylesheets, and the widget's own first
 * picture where it has one (first-frame.ts). In a tab opened in the background this waits until
 * the tab is shown or the time is up.
 */
export function afterFirstPaint(then: () => void): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    then();
  };
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
      observer.disconnect();
      setTimeout(go, 0);
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(() => {
      observer.disconnect();
      go();
    }, FIRST_PAINT_WAIT_MS);
    return;
  }
  requestAnimationFrame(() => setTimeout(go, 0));
}

const widget: ClientDirective = (load, options, el) => {
  let started = false;
  const hydrate = async () => {
    if (started) return;
    started = true;
    const run = await load();
    // The modules have run; the widget's own start (hydration) gets a task of its own, so neither
    // holds the page for the two together. A widget that can prepare its first picture in steps
    // does so first, one step per task (src/lib/warm-up.ts).
    await new Promise((next) => setTimeout(next, 0));
    const warmUp = (globalThis as { __nnWarmUp?: (island: Element) => Promise<void> }).__nnWarmUp;
    if (typeof warmUp === 'function') {
      try {
        await warmUp(el);
      } catch {
        // the widget computes what it needs when it hydrates
      }
    }
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
    afterFirstPaint(() => void hydrate());
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

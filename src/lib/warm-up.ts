/**
 * Work a widget can do before it hydrates, in small tasks. Hydration is one task: a widget whose
 * first picture takes the engine a while (a race of seven optimizers, a contour map) would hold the
 * page for all of it at once. A widget's module registers a warm-up here; `client:widget`
 * (src/integrations/client-widget.ts) runs it between loading the island's modules and hydrating
 * it: the warm-up returns jobs, each run in a task of its own (turns.ts), which fill the widget's
 * own caches, so that hydration then finds the numbers ready. Until it hydrates, the page shows the
 * widget's server-rendered picture, as before. The results are the same with or without it: a
 * warm-up only computes ahead what the widget would compute anyway.
 */
import { inTurn } from './turns.ts';

/** Given the island's element, the jobs that prepare it (none if the island is not this widget's). */
export type WarmUp = (island: Element) => (() => void)[];

declare global {
  // eslint-disable-next-line no-var
  var __nnWarmUp: ((island: Element) => Promise<void>) | undefined;
}

const warmUps = new Map<string, WarmUp>();

/** The component module at `moduleUrl` (its `import.meta.url`) can be prepared by `warmUp`. */
export function onWarmUp(moduleUrl: string, warmUp: WarmUp): void {
  if (typeof document === 'undefined') return;
  warmUps.set(moduleUrl, warmUp);
  globalThis.__nnWarmUp = warmIsland;
}

/**
 * Runs the warm-up registered for the component of `island` (its `component-url`), one job per
 * task; resolves in the task after the last. A job that throws is reported and skipped: the widget
 * then computes that part itself when it hydrates.
 */
export function warmIsland(island: Element): Promise<void> {
  const url = island.getAttribute('component-url');
  let jobs: (() => void)[] = [];
  if (url !== null) {
    const warmUp = warmUps.get(new URL(url, document.baseURI).href);
    try {
      jobs = warmUp ? warmUp(island) : [];
    } catch (error) {
      console.error(error);
    }
  }
  if (jobs.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    for (const job of jobs) inTurn(job);
    inTurn(resolve);
  });
}

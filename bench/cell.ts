/**
 * `npm run bench:cell`: how long a code cell takes from a click on Run to its first output, in
 * headless Chromium on the built site (run `npm run build` first; E2E_DIST picks another folder).
 *
 * For the first cell of chapter 4 and for a widget's Code panel (the momentum valley): the cold
 * run (the editor is loaded, the kernel's worker and the engine start on this click) and warm runs
 * (the worker is up). Medians of RUNS page loads. What a cell weighs is `npm run weight`'s job.
 */
import { launchChromium, startServer } from '../tests/e2e/harness.ts';

const RUNS = 5;
const dist = process.env.E2E_DIST ?? 'dist';
const server = await startServer({ root: dist });
const browser = await launchChromium();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Clicks Run in `cell` and resolves with the ms until its output area has a first child. */
const clickToOutput = `(cell) => new Promise((resolve) => {
  const out = cell.querySelector('.output');
  const start = performance.now();
  const seen = () => out.querySelector('pre, .error, canvas, table');
  const mo = new MutationObserver(() => { if (seen()) { mo.disconnect(); resolve(performance.now() - start); } });
  mo.observe(out, { childList: true, subtree: true });
  cell.querySelector('button.run').click();
})`;

async function measure(path: string, prepare: string | null, cellSelector: string) {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + path.slice(1), { waitUntil: 'networkidle' });
    if (prepare) {
      const widget = page.locator(prepare);
      await widget.evaluate((el: HTMLElement) => el.scrollIntoView());
      await page.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), prepare);
      await widget.locator('[data-code-toggle]').click();
    }
    const cell = page.locator(cellSelector).first();
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.cm-content').waitFor();
    await page.waitForLoadState('networkidle');
    cold.push(await cell.evaluate(new Function(`return ${clickToOutput}`)() as (el: Element) => Promise<number>));
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') !== 'running', cellSelector);
    for (let k = 0; k < 3; k++) {
      warm.push(await cell.evaluate(new Function(`return ${clickToOutput}`)() as (el: Element) => Promise<number>));
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') !== 'running', cellSelector);
    }
    await context.close();
  }
  return { cold: median(cold), warm: median(warm) };
}

const cases = [
  { name: 'chapter 4, first cell', path: '/lessons/04-deep-networks/', prepare: null, cell: 'section.nn-cell' },
  { name: 'momentum valley, Code panel', path: '/lessons/06-optimizers/', prepare: 'section#momentum-valley', cell: 'section#momentum-valley section.nn-cell' },
];
for (const c of cases) {
  const r = await measure(c.path, c.prepare, c.cell);
  console.log(`${c.name}: click → first output ${r.cold.toFixed(0)} ms cold (worker starts), ${r.warm.toFixed(0)} ms warm (medians of ${RUNS} page loads)`);
}
await browser.close();
await server.close();

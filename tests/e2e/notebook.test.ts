/**
 * Notebook code cells in a real browser, on chapter 4's two XOR cells: the lesson's code runs and
 * shows what the engine computes (checked here against the engine itself), an edit runs, cells
 * share state, errors name the line, an endless loop is stopped while the page stays responsive,
 * plots draw, Reset and reload behave, the keyboard alone is enough, axe finds nothing in light
 * and dark, a phone never scrolls sideways, and nothing of the editor loads before it is needed.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { createMLP, createTrainer, gateSamples } from '../../src/engine/index.ts';
import { LONG_TASKS, axeScan, expectClean, expectNoViolations, getBrowser, horizontalOverflow, hydrated, openPage, poll, setTheme, siteUrl } from './support.ts';

const PATH = '/lessons/04-deep-networks/';

/** What the lesson's XOR cell prints, computed here with the same engine. */
function xorFigures() {
  const xor = gateSamples('xor');
  const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
  const trainer = createTrainer({ net, data: { train: xor }, optimizer: { kind: 'adam', lr: 0.05 }, loss: 'bce' });
  trainer.run(500);
  const { loss, accuracy } = net.evaluate(xor.x, xor.y, 'bce');
  return { loss, accuracy, w11: net.params[0], params: net.params.length, out: xor.x.map((x) => net.forward(x)[0]) };
}

function cell(page: Page, id: string) {
  const root = page.locator(`#cell-${id}`);
  const content = root.locator('.cm-content');
  return {
    root,
    content,
    output: root.locator('.output'),
    button: (name: string) => root.getByRole('button', { name, exact: true }),
    state: () => root.getAttribute('data-state'),
    count: () => root.getByTestId('count').locator('[aria-hidden="true"]').innerText(),
    code: () => content.innerText(),
    /** Hydrates the cell and wakes its editor, which loads when the reader reaches for the code. */
    async ready() {
      await hydrated(page, `#cell-${id}`);
      if ((await content.count()) === 0) await root.locator('.static pre').first().focus();
      await content.waitFor({ state: 'visible', timeout: 15_000 });
    },
    /** Replaces the editor's text as if typed (one input event, no auto-indent). */
    async setCode(code: string) {
      await content.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(code);
    },
    /** Presses Run and waits until the run ends; returns how it ended. */
    async run(timeout = 20_000) {
      await root.getByRole('button', { name: 'Run', exact: true }).click();
      await poll(() => root.getAttribute('data-state'), timeout).not.toMatch(/^(running|idle)$/);
      return root.getAttribute('data-state');
    },
  };
}

async function openCells(options: Parameters<typeof openPage>[1] = {}) {
  const opened = await openPage(PATH, { settle: false, reducedMotion: true, ...options });
  const xor = cell(opened.page, 'ch4-xor');
  const params = cell(opened.page, 'ch4-xor-params');
  await xor.ready();
  await params.ready();
  return { ...opened, xor, params };
}

describe('notebook cells', () => {
  test('the lesson cell runs and shows the engine’s numbers, a table, a plot and the last value; an edit runs too', async () => {
    const { page, collected, close, xor } = await openCells();
    const f = xorFigures();
    expect(await xor.count()).toBe('[\u2002]');
    expect(await xor.run()).toBe('ok');
    const text = await xor.output.innerText();
    // The page's engine and Node's may differ in the last bits of Math.exp and friends: compare to 12 digits.
    const printed = text.match(/^after 500 steps: \{ loss: (\S+), accuracy: (\S+) \}$/m);
    expect(printed, text).not.toBeNull();
    expect(Number(printed![1])).toBeCloseTo(f.loss, 12);
    expect(Number(printed![2])).toBe(f.accuracy);
    const result = text.match(/^Out \[1\]:\s+\[(.+)\]$/m);
    expect(result, text).not.toBeNull();
    result![1].split(', ').forEach((v, i) => expect(Number(v)).toBeCloseTo(f.out[i], 12));
    await expect.poll(() => xor.output.locator('table tbody tr').count()).toBe(3);
    expect(await xor.output.locator('table thead th').allInnerTexts()).toEqual(['unit', 'w1', 'w2', 'b']);
    expect(Number(await xor.output.locator('table tbody tr').first().locator('td').nth(1).innerText())).toBeCloseTo(f.w11, 12);
    await poll(() => xor.output.locator('canvas').count()).toBe(1);
    expect(await xor.count()).toBe('[1]');

    await xor.setCode('const squares = [1, 2, 3].map((n) => n * n);\nprint("sum", squares.reduce((a, b) => a + b));\nsquares');
    await poll(() => xor.root.getByText('Edited', { exact: true }).isVisible()).toBe(true);
    expect(await xor.run()).toBe('ok');
    expect(await xor.output.innerText()).toMatch(/^sum 14\s+Out \[2\]:\s+\[1, 4, 9\]$/);
    expect(await xor.output.locator('canvas').count()).toBe(0);
    expectClean(collected);
    await close();
  });

  test('two cells share state in order; Run all above runs the first; Restart clears it and marks the counts stale', async () => {
    const { page, collected, close, xor, params } = await openCells();
    const f = xorFigures();
    await params.button('Run all above').click();
    await poll(() => xor.state()).toBe('ok');
    await poll(() => params.root.locator('.message').innerText()).toBe('Ran every cell above.');
    expect(await params.run()).toBe('ok');
    expect(await params.output.innerText()).toMatch(new RegExp(`^Out \\[2\\]:\\s+${f.params}$`));
    expect(await xor.count()).toBe('[1]');
    expect(await params.count()).toBe('[2]');

    await params.button('Restart kernel').click();
    await poll(() => xor.root.getByText('stale', { exact: true }).isVisible()).toBe(true);
    expect(await params.root.getByText('stale', { exact: true }).isVisible()).toBe(true);
    expect(await params.run()).toBe('error');
    expect(await params.output.innerText()).toContain('ReferenceError: net is not defined (line 3)');
    expect(await params.count()).toBe('[1]');
    expect(await page.locator('#cell-ch4-xor-params [data-error-line="3"]').count()).toBe(1);
    expectClean(collected);
    await close();
  });

  test('the code cannot reach the page, storage, the network or code from strings', async () => {
    const { close, xor } = await openCells();
    const probes = [
      'typeof document',
      'typeof window',
      'typeof localStorage',
      "fetch('/')",
      'new XMLHttpRequest()',
      "new WebSocket('ws://127.0.0.1:9')",
      "eval('1 + 1')",
      "Function('return 1')()",
      "(() => 0).constructor('return 1')()",
      "(async () => 0).constructor('return 1')",
      'indexedDB.open("x")',
      "new Worker('x.js')",
    ];
    const code = probes.map((p) => `try { print(${JSON.stringify(p)}, '→', ${p}) } catch (e) { print(${JSON.stringify(p)}, '→ refused:', e.message) }`).join('\n');
    await xor.setCode(code);
    expect(await xor.run()).toBe('ok');
    const lines = (await xor.output.innerText()).split('\n').filter((l) => l.includes('→'));
    expect(lines.slice(0, 3)).toEqual(['typeof document → undefined', 'typeof window → undefined', 'typeof localStorage → undefined']);
    for (const line of lines.slice(3)) expect(line).toMatch(/→ refused: .*not available in a notebook cell/);
    expect(lines).toHaveLength(probes.length);
    // and import() is refused before anything runs
    await xor.setCode("print('never')\nawait import('/x.js')");
    expect(await xor.run()).toBe('error');
    expect(await xor.output.innerText()).not.toContain('never');
    expect(await xor.output.locator('.error').innerText()).toMatch(/import is not available in a cell.*\(line 2\)/);
    await close();
  });

  test('a syntax error and a runtime error name the line, and the editor marks it', async () => {
    const { page, collected, close, xor } = await openCells();
    await xor.setCode('const a = 1;\nconst b = ;\nprint(a);');
    expect(await xor.run()).toBe('error');
    const syntax = await xor.output.locator('.error').innerText();
    expect(syntax).toMatch(/^SyntaxError: .+\(line 2\)$/);
    expect(syntax).not.toMatch(/\bat\s+\S+:\d+/);
    expect(await page.locator('#cell-ch4-xor [data-error-line="2"]').count()).toBe(1);

    await xor.setCode('const a = [1, 2];\nprint(a.length);\nconst net = createMLP({ sizes: [2, 1], hidden: "tanh", output: "nope" });');
    expect(await xor.run()).toBe('error');
    const text = await xor.output.innerText();
    expect(text.startsWith('2\n')).toBe(true);
    expect(await xor.output.locator('.error').innerText()).toMatch(/^Error: .*output.*\(line 3\)$/);
    expect(await page.locator('#cell-ch4-xor [data-error-line="3"]').count()).toBe(1);
    // Editing clears the mark: it belonged to the code that ran.
    await xor.content.click();
    await page.keyboard.type(' ');
    expect(await page.locator('#cell-ch4-xor [data-error-line]').count()).toBe(0);
    expectClean(collected);
    await close();
  });

  test('while (true) {} is stopped at the 5 s limit, and the page answers clicks meanwhile; Stop ends a run at once', async () => {
    const { page, collected, close, xor, params } = await openCells();
    await xor.setCode('while (true) {}');
    const started = Date.now();
    await xor.button('Run').click();
    await poll(() => xor.button('Stop').isVisible()).toBe(true);
    // The page is not blocked: another cell's button answers within a moment.
    await page.waitForTimeout(500);
    const clicked = Date.now();
    await xor.button('Run all above').click();
    await poll(() => xor.root.locator('.message').innerText(), 2_000).toBe('There are no cells above this one.');
    expect(Date.now() - clicked).toBeLessThan(1_500);
    await poll(() => xor.state(), 12_000).toBe('timeout');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(4_500);
    expect(elapsed).toBeLessThan(9_000);
    expect(await xor.output.innerText()).toContain('Stopped after 5 s: the time limit.');
    expect(await xor.button('Run').isVisible()).toBe(true);

    // Stop: the run ends right away, and a fresh kernel runs the next cell.
    await xor.button('Run').click();
    await poll(() => xor.button('Stop').isVisible()).toBe(true);
    const stopAt = Date.now();
    await xor.button('Stop').click();
    await poll(() => xor.state(), 2_000).toBe('stopped');
    expect(Date.now() - stopAt).toBeLessThan(1_500);
    expect(await xor.root.locator('.message').innerText()).toMatch(/^Stopped\. The kernel was restarted/);
    await params.setCode('1 + 1');
    expect(await params.run()).toBe('ok');
    expect(await params.output.innerText()).toMatch(/^Out \[1\]:\s+2$/);
    expectClean(collected);
    await close();
  });

  test('a million prints are cut short by the kernel, and the page draws what is kept in one go without a long stall', async () => {
    const { page, collected, close, xor } = await openCells({ initScripts: [LONG_TASKS] });
    await xor.setCode('for (let i = 0; i < 1e6; i++) print(i);\n"done"');
    const before = await page.evaluate(() => (window as unknown as { __longTasks: { duration: number }[] }).__longTasks.length);
    expect(await xor.run(30_000)).toBe('ok');
    const text = await xor.output.innerText();
    expect(text).toContain('Output cut short');
    expect(text).toMatch(/Out \[1\]:\s+"done"/);
    expect(await xor.output.locator('pre').count()).toBeLessThanOrEqual(3);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { duration: number }[] }).__longTasks);
    expect(Math.max(0, ...tasks.slice(before).map((t) => t.duration))).toBeLessThan(400);
    expectClean(collected);
    await close();
  });

  test('on paper: the code (long lines wrapped) and the last output print, the buttons do not', async () => {
    const { page, collected, close, xor } = await openCells();
    expect(await xor.run()).toBe('ok');
    await page.emulateMedia({ media: 'print' });
    expect(await xor.root.locator('.tools').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await xor.root.getByRole('link', { name: 'What can I use here?' }).isVisible()).toBe(false);
    expect(await xor.content.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    expect(await xor.output.isVisible()).toBe(true);
    expect(await xor.output.locator('canvas').isVisible()).toBe(true);
    expectClean(collected);
    await close();
  });

  test('plot(…), scatter(…) and heatmap(…) draw charts under the cell', async () => {
    const { collected, close, xor } = await openCells();
    await xor.setCode(
      'plot([1, 4, 9, 16], { title: "Squares" });\nscatter([[0, 0, 0], [1, 1, 1]], { title: "Two points" });\nheatmap((x, y) => x * y, { extent: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, title: "Product" });',
    );
    expect(await xor.run()).toBe('ok');
    // one canvas a chart (a heatmap's layer of points over its grid aside)
    await poll(() => xor.output.locator('canvas:not(.over)').count()).toBe(3);
    expect(await xor.output.locator('figcaption').allInnerTexts()).toEqual(['Squares', 'Two points', 'Product']);
    expectClean(collected);
    await close();
  });

  test('Reset brings back the lesson’s code and forgets the edit; a reload keeps an edit', async () => {
    const { page, collected, close, xor } = await openCells();
    const original = await xor.code();
    expect(original).toContain("const xor = gateSamples('xor');");
    expect(await xor.button('Reset').isDisabled()).toBe(true);
    await xor.setCode('print("mine")');
    await poll(() => page.evaluate(() => localStorage.getItem('nn-cell:ch4-xor'))).toBe('print("mine")');
    await page.reload();
    await xor.ready();
    expect(await xor.code()).toBe('print("mine")');
    expect(await xor.root.getByText('Edited', { exact: true }).isVisible()).toBe(true);
    expect(await xor.run()).toBe('ok');
    expect(await xor.output.innerText()).toBe('mine');

    await xor.button('Reset').click();
    expect(await xor.code()).toBe(original);
    expect(await xor.root.getByText('Edited', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('nn-cell:ch4-xor'))).toBeNull();
    await page.reload();
    await xor.ready();
    expect(await xor.code()).toBe(original);
    expectClean(collected);
    await close();
  });

  test('without storage (private mode) a cell still edits and runs', async () => {
    const blockStorage = `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });`;
    const { collected, close, xor } = await openCells({ initScripts: [blockStorage] });
    await xor.setCode('print(6 * 7)');
    expect(await xor.run()).toBe('ok');
    expect(await xor.output.innerText()).toBe('42');
    await xor.button('Reset').click();
    expect(await xor.code()).toContain('gateSamples');
    expect(collected.pageErrors).toEqual([]);
    await close();
  });

  test('the keyboard alone: Tab into the editor, type, Ctrl+Enter runs, Tab indents, Escape then Tab leaves', async () => {
    // No pointer at all: the editor loads when Tab reaches the code, and takes the focus.
    const { page, collected, close } = await openPage(PATH, { settle: false, reducedMotion: true });
    const xor = cell(page, 'ch4-xor');
    await hydrated(page, '#cell-ch4-xor');
    expect(await xor.content.count(), 'no editor before the reader reaches for the code').toBe(0);
    await xor.root.getByRole('link', { name: 'What can I use here?' }).focus();
    await page.keyboard.press('Tab');
    await xor.content.waitFor({ state: 'visible', timeout: 15_000 });
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains('cm-content') ?? false)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Code of cell A 2-3-1 network learns XOR');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('print("typed")');
    // A second Ctrl+Enter while the cell is still running (the worker is starting) is the same run.
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Control+Enter');
    await poll(() => xor.state()).toBe('ok');
    expect(await xor.output.innerText()).toBe('typed');
    expect(await xor.count()).toBe('[1]');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect(await xor.code()).toBe('  print("typed")');
    await page.keyboard.press('Shift+Enter');
    await poll(() => xor.count()).toBe('[2]');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Run');
    await page.keyboard.press('Enter');
    await poll(() => xor.count()).toBe('[3]');
    expect(await xor.root.innerText()).toContain('press Escape, then Tab, to leave the editor');
    expectClean(collected);
    await close();
  });

  test('axe finds nothing after a run with a table and a plot, in light and in dark', async () => {
    const { page, collected, close, xor, params } = await openCells();
    await xor.run();
    await params.run();
    await poll(() => xor.output.locator('canvas').count()).toBe(1);
    expectNoViolations(await axeScan(page));
    await setTheme(page, 'dark');
    expectNoViolations(await axeScan(page));
    expectClean(collected);
    await close();
  });

  test('on a 360 px phone the page never scrolls sideways, the code scrolls inside the editor, and buttons are 44 px tall', async () => {
    const { page, collected, close, xor } = await openCells({ width: 360, height: 740, touch: true });
    await xor.setCode(`const long = "${'a very long line of code '.repeat(8)}";\nprint(long)`);
    expect(await xor.run()).toBe('ok');
    const overflow = await horizontalOverflow(page);
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    const scroller = xor.root.locator('.cm-scroller');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    for (const height of await xor.root.locator('.buttons button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height))) {
      expect(height).toBeGreaterThanOrEqual(44);
    }
    expectClean(collected);
    await close();
  });

  test('nothing of the editor or the kernel loads before the reader reaches for a cell, nor on a page without cells', async () => {
    const loaded: string[] = [];
    const { page, close } = await openPage('/notation/', { settle: true });
    page.on('request', (r) => loaded.push(r.url()));
    await page.reload();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(500);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((u) => /(CodeCell|editor|kernel\.worker)[^/]*\.js$/.test(u))).toEqual([]);
    await close();

    const seen: string[] = [];
    const top = await openPage(PATH, { settle: false });
    top.page.on('request', (r) => seen.push(r.url()));
    await top.page.reload();
    await top.page.waitForTimeout(800);
    expect(seen.filter((u) => /(CodeCell|editor|kernel\.worker)[^/]*\.js$/.test(u))).toEqual([]);
    // In view and awake, the cell still shows its highlighted code: the editor loads when the
    // reader points at the code or focuses it, and the kernel on the first Run.
    await hydrated(top.page, '#cell-ch4-xor');
    await top.page.waitForTimeout(800);
    expect(seen.filter((u) => /editor\.[^/]*\.js$/.test(u))).toEqual([]);
    await top.page.locator('#cell-ch4-xor .static').hover();
    await poll(() => seen.some((u) => /editor\./.test(u))).toBe(true);
    await top.page.locator('#cell-ch4-xor .cm-content').waitFor({ timeout: 15_000 });
    expect(seen.some((u) => /kernel\.worker/.test(u))).toBe(false);
    await top.close();
  });

  test('without JavaScript the lesson’s code is there, highlighted, named, and no dead buttons show', async () => {
    const context = await (await getBrowser()).newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl(PATH));
    const block = page.locator('#cell-ch4-xor pre.astro-code');
    expect(await block.getAttribute('aria-label')).toBe('Code of cell A 2-3-1 network learns XOR');
    // text, not innerText: what is far from the viewport is not rendered yet (content-visibility)
    expect(await block.textContent()).toContain("const xor = gateSamples('xor');");
    expect(await block.locator('span[style*="color"]').count()).toBeGreaterThan(20);
    expect(await page.locator('#cell-ch4-xor .tools').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    await context.close();
  });

  test('time from pressing Run to the first output of a small cell', async () => {
    const { page, close, params } = await openCells();
    await params.setCode('print("hello")');
    const measure = () =>
      page.evaluate(
        () =>
          new Promise<number>((done) => {
            const root = document.querySelector('#cell-ch4-xor-params')!;
            const output = root.querySelector('.output')!;
            const button = root.querySelector<HTMLButtonElement>('button.run')!;
            const observer = new MutationObserver(() => {
              if (output.textContent?.includes('hello')) {
                observer.disconnect();
                done(performance.now() - t0);
              }
            });
            observer.observe(output, { childList: true, subtree: true, characterData: true });
            const t0 = performance.now();
            button.click();
          }),
      );
    const cold = await measure();
    await poll(() => params.state()).toBe('ok');
    const warm = await measure();
    console.log(`first output: ${cold.toFixed(0)} ms with a new worker, ${warm.toFixed(0)} ms warm`);
    expect(cold).toBeLessThan(3_000);
    expect(warm).toBeLessThan(500);
    await close();
  });
});

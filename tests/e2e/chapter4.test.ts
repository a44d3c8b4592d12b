/**
 * Chapter 4's lesson in a real browser, checked against what its playground really does: the XOR
 * preset's lines, the exercises' exact answers, the runs the prose and the exercises ask for (He
 * initialisation, one wide layer at the same parameter count, early stopping by validation loss),
 * the challenge's worked answer, the course notation in the XOR figure, and the lesson's links.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../../src/lib/share-state.ts';
import { DEFAULT_STATE, PRESETS, type PlaygroundState } from '../../src/widgets/NetworkPlayground/settings.ts';
import { exercises, expectClean, hydrated, openPage, poll as pollFor, siteUrl, type OpenPageOptions } from './support.ts';

const PATH = '/lessons/04-deep-networks/';

/** Training runs take longer to show than a click. */
const poll = <T>(read: () => Promise<T> | T, timeout = 20_000) => pollFor(read, timeout);

async function openChapter(state: Partial<PlaygroundState> | null = null, options: OpenPageOptions = {}) {
  const query = state === null ? '' : `?w-playground=${encodeState({ ...DEFAULT_STATE, ...state })}`;
  const opened = await openPage(`${PATH}${query}`, { settle: false, reducedMotion: true, ...options });
  await hydrated(opened.page, 'section#playground');
  await poll(() => opened.page.locator('#playground .pg').getAttribute('data-mode')).not.toBe('none');
  return opened;
}

function pg(page: Page) {
  const root = page.locator('section#playground');
  return {
    root,
    button: (name: string) => root.getByRole('button', { name, exact: true }),
    select: (name: string) => root.getByRole('combobox', { name, exact: true }),
    status: () => root.locator('.pg').getAttribute('data-status'),
    epoch: async () => Number(await root.getByTestId('epoch').innerText()),
    text: (id: string) => root.getByTestId(id).innerText(),
  };
}

/** Plays at full speed until the run stops on its own; returns the epoch it stopped at. */
async function playUntilStopped(page: Page, timeout = 150_000): Promise<number> {
  const p = pg(page);
  await p.select('Speed').selectOption('fast');
  await p.button('Play').click();
  await poll(() => p.status(), timeout).toBe('converged');
  return p.epoch();
}

describe('chapter 4 lesson', () => {
  test('the XOR preset already shows the first layer\'s lines, and the lesson says so instead of asking to tick the box', async () => {
    const { page, collected, close } = await openChapter();
    const p = pg(page);
    const lines = p.root.getByRole('checkbox', { name: 'Show the first layer’s lines' });
    await p.button('XOR, two hidden units').click();
    await poll(() => lines.isChecked()).toBe(true);
    const prose = await page.locator('.prose').innerText();
    expect(prose).toMatch(/the preset ticks .Show the first layer.s lines. for you; untick it to hide them/);
    expect(prose).not.toMatch(/turn on\s+"Show the first layer/);
    expect(prose).not.toContain('Tick Show the first layer');
    expectClean(collected);
    await close();
  });

  test('the exercises accept exactly what they ask to be typed: four decimals, two decimals, a whole epoch', async () => {
    // Only the exercises' islands are needed: scrolling through the whole chapter first would train every widget.
    const { page, collected, close } = await openPage(PATH, { settle: false });
    const ex = exercises(page);
    await ex.type('ch4-h2', '0.007', 'incorrect');
    await ex.type('ch4-h2', '0.0066', 'incorrect');
    await ex.type('ch4-h2', '0.0067');
    await ex.type('ch4-linear-run', '0.7', 'incorrect');
    await ex.type('ch4-linear-run', '0.69');
    await ex.type('ch4-he-run', '418', 'incorrect');
    await ex.type('ch4-he-run', '158');
    expectClean(collected);
    await close();
  });

  test('He initialisation on the spirals preset stops at epoch 158, the exercise\'s answer (Glorot is the default)', { timeout: 200_000 }, async () => {
    const { page, collected, close } = await openChapter();
    const p = pg(page);
    await p.button('Spirals, three layers').click();
    await poll(() => p.text('net-summary')).toContain('Glorot uniform initialisation');
    expect(await p.text('net-summary')).toContain('177 parameters');
    await p.select('Initialisation').selectOption({ label: 'He (Kaiming) normal' });
    await poll(() => p.text('net-summary')).toContain('He normal initialisation');
    expect(await playUntilStopped(page)).toBe(158);
    expectClean(collected);
    await close();
  });

  test('one hidden layer of 44 units (also 177 parameters) separates the spirals: it stops at epoch 489 with 99% test accuracy', { timeout: 200_000 }, async () => {
    const { page, collected, close } = await openChapter({ ...PRESETS.spirals, layers: [44] });
    const p = pg(page);
    expect(await p.text('net-summary')).toContain('177 parameters');
    expect(await playUntilStopped(page)).toBe(489);
    expect((await p.text('accuracy')).replace(/\s+/g, ' ')).toMatch(/100%.*99%/);
    expectClean(collected);
    await close();
  });

  test('early stopping by the validation loss, by hand: six Steps give validation loss 0.232 and test loss 0.472', { timeout: 90_000 }, async () => {
    const over: Partial<PlaygroundState> = {
      dataset: 'circle',
      noise: 0.2,
      points: 100,
      testFraction: 0.3,
      validFraction: 0.2,
      layers: [12, 12, 12],
      activation: 'relu',
      optimizer: 'adam',
      lr: 0.03,
      batchSize: 10,
    };
    const { page, collected, close } = await openChapter(over);
    const p = pg(page);
    for (let i = 1; i <= 6; i++) {
      await p.button('Step').click();
      await poll(() => p.epoch()).toBe(i);
    }
    await poll(() => p.text('valid-loss')).toBe('0.232');
    expect(await p.text('test-loss')).toBe('0.472');
    expect(await p.text('chart-note')).toMatch(/50 .*20 .*30 /);
    expectClean(collected);
    await close();
  });

  test('the challenge has a worked answer behind a disclosure, with the epochs the playground measured', { timeout: 120_000 }, async () => {
    // Only the challenge's own island is needed: no scrolling through the whole chapter first.
    const { page, collected, close } = await openPage(PATH, { settle: false });
    await hydrated(page, '.challenge-status');
    const solution = page.locator('details.challenge-solution');
    await expect(solution.count()).resolves.toBe(1);
    const summary = solution.getByText('Show worked answer', { exact: true });
    expect(await solution.locator('.body').isVisible()).toBe(false);
    await summary.click();
    await poll(() => solution.locator('.body').isVisible()).toBe(true);
    const text = await solution.locator('.body').innerText();
    expect(text).toContain('epoch 96');
    expect(text).toContain('never gets below 0.36 in 1000 epochs');
    expectClean(collected);
    await close();
  });

  test('the XOR figure uses the course notation: activations a₁, a₂, prediction ŷ, target y', async () => {
    const { page, collected, close } = await openPage(PATH);
    const figure = page.locator('.xor-hidden');
    // prose far from the screen is not rendered (content-visibility), and such text has no innerText
    await figure.scrollIntoViewIfNeeded();
    const headers = () => figure.locator('thead th').allInnerTexts().then((all) => all.map((h) => h.replace(/\s+/g, ' ').trim()));
    await poll(headers).toEqual(['(x₁, x₂)', 'z₁', 'a₁ = σ(z₁)', 'z₂', 'a₂ = σ(z₂)', 'z', 'ŷ = σ(z)', 'y = XOR']);
    expect(await figure.innerText()).toContain('Hidden plane (a₁, a₂)');
    expect(await page.locator('.prose').textContent()).not.toMatch(/h₁|h₂/);
    expectClean(collected);
    await close();
  });

  test('the notation page and chapter 6 are linked and exist', async () => {
    const { page, collected, close } = await openPage(PATH);
    for (const [name, path] of [
      ['notation page', '/notation/'],
      ['chapter 6', '/lessons/06-optimizers/'],
    ]) {
      const link = page.locator('.prose').getByRole('link', { name, exact: true });
      const href = await link.getAttribute('href');
      expect(new URL(href!, page.url()).href).toBe(siteUrl(path));
      const response = await page.request.get(siteUrl(path));
      expect(response.status(), path).toBe(200);
    }
    expectClean(collected);
    await close();
  });
});

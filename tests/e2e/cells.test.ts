/**
 * Every lesson's code cells in a real browser: each page's cells are run in page order with their
 * Run buttons, as a learner would, and each must finish without an error and show what the lesson
 * says it prints (the exact numbers are asserted in Node by tests/engine/cells.test.ts). Charts
 * and heatmaps appear where a cell draws one. The engine reference page lists the engine.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectClean, hydrated, openPage } from './support.ts';

/** Text each cell's output must contain after its default run, and whether it draws a chart. */
const EXPECTED: Record<string, { text: string[]; chart?: boolean }> = {
  'ch1-features': { text: ['test accuracy 55.0%', 'test accuracy 100.0%'] },
  'ch1-boundary': { text: ['-14.80', '-15.43', '5.43', 'near r = 0.61'], chart: true },
  'ch2-perceptron-rule': { text: ['epoch 1: mistakes 3', 'epoch 3: mistakes 0, w = [0.30000000000000004, 0.09999999999999998], b = -0.30000000000000004'] },
  'ch2-perceptron-engine': { text: ['engine: epochs 3 with mistakes [3, 2, 0]', 'every step fires alike'] },
  'ch3-sigmoid-chain': { text: ['9.5367431640625e-7'] },
  'ch3-gradient-flow': { text: ['sigmoid: layer 1 gets 7.2e-7', 'tanh: layer 1 gets 0.16', 'relu: layer 1 gets 0.39'], chart: true },
  'ch4-xor': { text: ['after 500 steps'], chart: true },
  'ch4-xor-params': { text: [] },
  'ch5-value': { text: ['L = 8  ∂L/∂a = 4  ∂L/∂b = 2'] },
  'ch5-backprop-check': { text: ['ŷ = 0.5503323382357003', 'largest difference: 5.551115123125783e-17'] },
  'ch6-momentum-step': { text: ['loss from 34.75 to 5.5578014837536016e-11'] },
  'ch6-momentum-race': { text: ['engine final loss: 5.5578014837536016e-11', 'the same at every step: true'], chart: true },
};

const LESSONS = [
  '/lessons/01-ai-ml-dl/',
  '/lessons/02-perceptron/',
  '/lessons/03-activation-functions/',
  '/lessons/04-deep-networks/',
  '/lessons/05-backpropagation/',
  '/lessons/06-optimizers/',
];

/** Presses a cell's Run button and waits until the run has ended. */
async function run(cell: Locator): Promise<void> {
  await cell.scrollIntoViewIfNeeded();
  // The cell can run before its editor loads: wait only for the island to wake.
  await expect.poll(() => cell.evaluate((el) => !el.closest('astro-island')?.hasAttribute('ssr')), { timeout: 20_000 }).toBe(true);
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect
    .poll(async () => {
      const state = await cell.getAttribute('data-state');
      const count = (await cell.getByTestId('count').textContent()) ?? '';
      return state !== 'running' && /\[\d+\]/.test(count) ? state : 'running';
    }, { timeout: 20_000, interval: 50 })
    .not.toBe('running');
}

describe.each(LESSONS)('%s: every cell runs in page order', (path) => {
  test('each cell finishes without an error and shows what the lesson says', async () => {
    const { page, collected, close } = await openPage(path, { settle: false });
    try {
      const cells = page.locator('section.nn-cell');
      const ids = await cells.evaluateAll((els) => els.map((el) => el.id.replace(/^cell-/, '')));
      expect(ids.length).toBeGreaterThan(0);
      await hydrated(page, `section#cell-${ids[0]}`);
      for (const id of ids) {
        const cell = page.locator(`section#cell-${id}`);
        await hydrated(page, `section#cell-${id}`);
        await run(cell);
        const output = cell.locator('.output');
        expect(await output.locator('.error').count(), `${id} should not end in an error: ${await output.innerText()}`).toBe(0);
        expect(await cell.getAttribute('data-state'), id).toBe('ok');
        const want = EXPECTED[id];
        expect(want, `tests/e2e/cells.test.ts has no expectations for ${id}`).toBeDefined();
        const text = await output.innerText();
        for (const snippet of want.text) expect(text, id).toContain(snippet);
        if (want.chart) await output.locator('canvas, svg').first().waitFor({ timeout: 10_000 });
      }
      expectClean(collected);
    } finally {
      await close();
    }
  });
});

describe('the engine reference page', () => {
  test('lists the helpers, the limits and the engine’s modules, and the footer links to it', async () => {
    const { page, collected, close } = await openPage('/reference/');
    try {
      await expect.poll(() => page.locator('h1').innerText()).toBe('Engine reference');
      for (const h of ['print(...values)', 'table(rows, columns?)', 'scatter(points, options?)']) {
        expect(await page.getByRole('heading', { name: h }).count(), h).toBe(1);
      }
      const body = await page.locator('main').innerText();
      for (const s of ['500 outputs', '100,000 characters', 'first 200 rows', 'first 5,000 points', '5 seconds', 'behaves like let']) expect(body).toContain(s);
      expect(await page.locator('#api-createMLP').innerText()).toContain('createMLP(spec: MLPSpec): MLP');
      expect(await page.locator('#api-createOptimizer').count()).toBe(1);
      expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Engine reference' }).getAttribute('aria-current')).toBe('page');
      expectClean(collected);
    } finally {
      await close();
    }
  });
});

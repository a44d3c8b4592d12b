/**
 * Chapter 1 in a real browser: the feature lab (tick a feature, train, the boundary and the weights
 * change; the network's unit maps; the challenge; share links; keyboard; a swipe over a map scrolls
 * the page), the nested-fields figure and timeline, accessible names and axe in both themes, and no
 * sideways scroll on a 360 px phone. The numbers the lab prints are the engine's, computed here too.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { encodeState } from '../../src/lib/share-state.ts';
import { labData, LinearFeatureModel, NetworkModel } from '../../src/engine/index.ts';
import { formatNumber } from '../../src/widgets/BackpropStepper/format.ts';
import { percent } from '../../src/widgets/FeatureLab/model.svelte.ts';
import { axeScan, copiedLink, expectNoViolations, getBrowser, horizontalOverflow, hydrated, nextFrames, openPage, pixels, poll, siteUrl } from './support.ts';

const PATH = '/lessons/01-ai-ml-dl/';

async function open(query = '', options: { theme?: 'light' | 'dark'; reducedMotion?: boolean; width?: number } = {}) {
  const opened = await openPage(`${PATH}${query}`, { settle: false, reducedMotion: options.reducedMotion ?? true, theme: options.theme ?? 'light', width: options.width });
  await hydrated(opened.page, 'section#feature-lab');
  return { ...opened, lab: opened.page.locator('section#feature-lab') };
}


/** What the engine says the lab should print after a full run. */
function expectedScore(model: LinearFeatureModel | NetworkModel) {
  model.advance();
  const s = model.score();
  return `After 1000 steps: loss ${formatNumber(s.train.loss, 4)}; right on ${percent(s.train.accuracy)} of the training points and ${percent(s.test!.accuracy)} of the test points.`;
}

const weights = (lab: Locator, testid: string) => lab.getByTestId(testid).getByTestId('weight').allInnerTexts();

describe('chapter 1: feature lab', () => {
  test('tick x₁² and x₂², train: the map changes, the weights appear and the scores are the engine’s', async () => {
    const { page, lab, collected, close } = await open();
    const map = lab.getByTestId('linear-panel').locator('canvas').first();
    await lab.getByTestId('train-linear').click();
    await poll(() => lab.getByTestId('linear-score').innerText()).toBe(expectedScore(new LinearFeatureModel(labData('circle'), [])));
    const rawMap = await pixels(map);

    await lab.getByRole('checkbox', { name: 'x₁²' }).check();
    await lab.getByRole('checkbox', { name: 'x₂²' }).check();
    // changing the features resets the model: the old score belongs to other features
    await expect(lab.getByTestId('linear-score').innerText()).resolves.toMatch(/Not trained yet/);
    expect(await weights(lab, 'feature-maps')).toEqual(['–', '–', '–', '–']);
    await lab.getByTestId('train-linear').click();
    const engine = new LinearFeatureModel(labData('circle'), ['x1sq', 'x2sq']);
    await poll(() => lab.getByTestId('linear-score').innerText()).toBe(expectedScore(engine));
    expect(await weights(lab, 'feature-maps')).toEqual(engine.weights.map((w) => `w = ${formatNumber(w.weight, 3)}`));
    expect(await lab.getByTestId('feature-maps').locator('li .name').allInnerTexts()).toEqual(['x₁', 'x₂', 'x₁²', 'x₂²']);
    expect(await lab.getByTestId('linear-bias').innerText()).toBe(`Bias b = ${formatNumber(engine.bias, 3)}`);
    await nextFrames(page, 2);
    expect(await pixels(map)).not.toBe(rawMap);
    // the challenge: circle, exactly two features, trained, every point right
    await poll(() => lab.locator('[data-challenge="ch1-two-features"]').getAttribute('class')).toMatch(/solved/);
    expect(collected.pageErrors).toEqual([]);
    await close();
  }, 120_000);

  test('the network on raw inputs shows one map per hidden unit, with its learned output weight', async () => {
    const { lab, close } = await open();
    const units = lab.getByTestId('unit-maps').locator('li');
    await expect(units.count()).resolves.toBe(4);
    await lab.getByTestId('train-network').click();
    const engine = new NetworkModel(labData('circle'), 4, 1);
    await poll(() => lab.getByTestId('network-score').innerText()).toBe(expectedScore(engine));
    expect(await weights(lab, 'unit-maps')).toEqual(Array.from({ length: 4 }, (_, u) => `w = ${formatNumber(engine.unit(u).out, 3)}`));
    // fewer units: the network starts again, with three maps
    const slider = lab.getByRole('slider', { name: /Hidden units/ });
    await slider.focus();
    await slider.press('ArrowLeft');
    await poll(() => units.count()).toBe(3);
    await expect(lab.getByTestId('network-score').innerText()).resolves.toMatch(/Not trained yet/);
    await close();
  }, 120_000);

  test('animated training (motion allowed) ends at the same numbers, and never blocks the page for long', async () => {
    const { page, lab, close } = await open('', { reducedMotion: false });
    await lab.getByTestId('train-network').click();
    // it trains a few steps a frame: mid-way, the status says so
    await poll(() => lab.locator('p.status[role="status"]').innerText()).toMatch(/Training the network|gets/);
    await poll(() => lab.getByTestId('network-score').innerText(), 30_000).toBe(expectedScore(new NetworkModel(labData('circle'), 4, 1)));
    expect(await lab.getByTestId('train-network').isEnabled()).toBe(true);
    await close();
    void page;
  }, 120_000);

  test('a share link restores the dataset, features, units, seed and both trained models exactly', async () => {
    const first = await open();
    await first.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await first.lab.getByRole('combobox', { name: 'Points' }).selectOption('quadrants');
    await first.lab.getByRole('checkbox', { name: 'x₁x₂' }).check();
    await first.lab.getByTestId('train-linear').click();
    await first.lab.getByTestId('train-network').click();
    await poll(() => first.lab.getByTestId('network-score').innerText()).toMatch(/After 1000 steps/);
    const link = await copiedLink(first.page, 'feature-lab');
    const shown = {
      linear: await first.lab.getByTestId('linear-score').innerText(),
      network: await first.lab.getByTestId('network-score').innerText(),
      weights: await weights(first.lab, 'feature-maps'),
      units: await weights(first.lab, 'unit-maps'),
    };
    await first.close();

    const second = await open(new URL(link).search);
    await poll(() => second.lab.getByTestId('linear-score').innerText()).toBe(shown.linear);
    expect(await second.lab.getByTestId('network-score').innerText()).toBe(shown.network);
    expect(await weights(second.lab, 'feature-maps')).toEqual(shown.weights);
    expect(await weights(second.lab, 'unit-maps')).toEqual(shown.units);
    expect(await second.lab.getByRole('combobox', { name: 'Points' }).inputValue()).toBe('quadrants');
    expect(await second.lab.getByRole('checkbox', { name: 'x₁x₂' }).isChecked()).toBe(true);
    await second.close();
  }, 120_000);

  test('a malformed or out-of-range link keeps the defaults and says so', async () => {
    for (const query of ['?w-feature-lab=%%%', `?w-feature-lab=${encodeState({ dataset: 'circle', features: ['x1sq', 'x1sq'], hidden: 4, seed: 1, linearSteps: 0, networkSteps: 0 })}`, `?w-feature-lab=${encodeState({ dataset: 'circle', features: [], hidden: 1e6, seed: 1, linearSteps: 0, networkSteps: 0 })}`]) {
      const { lab, close } = await open(query);
      await expect(lab.getByRole('alert').count()).resolves.toBe(1);
      expect(await lab.getByRole('combobox', { name: 'Points' }).inputValue()).toBe('circle');
      expect(await lab.getByTestId('unit-maps').locator('li').count()).toBe(4);
      expect(await lab.innerText()).not.toMatch(/NaN/);
      await close();
    }
  }, 120_000);

  test('keyboard only: Space ticks a feature, Enter trains', async () => {
    const { page, lab, close } = await open();
    const box = lab.getByRole('checkbox', { name: 'x₁²' });
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await lab.getByTestId('train-linear').focus();
    await page.keyboard.press('Enter');
    await poll(() => lab.getByTestId('linear-score').innerText()).toBe(expectedScore(new LinearFeatureModel(labData('circle'), ['x1sq'])));
    await close();
  }, 120_000);

  test('on a touch phone, a vertical swipe over the lab’s map scrolls the page', async () => {
    const context = await (await getBrowser()).newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(siteUrl(PATH), { waitUntil: 'load' });
    await hydrated(page, 'section#feature-lab');
    const map = page.locator('section#feature-lab').getByTestId('linear-panel').locator('canvas').first();
    await map.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await nextFrames(page, 3);
    const box = (await map.boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const before = await page.evaluate(() => window.scrollY);
    const x = box.x + box.width / 2;
    const point = (y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(box.y + box.height * 0.9) });
    for (let i = 1; i <= 12; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(box.y + box.height * 0.9 - (i * 220) / 12) });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
    expect((await page.evaluate(() => window.scrollY)) - before).toBeGreaterThan(100);
    await context.close();
  }, 120_000);
});

describe('chapter 1: the page', () => {
  test('the figure and the timeline are there, with the course map’s links', async () => {
    const { page, close } = await open();
    await expect(page.getByRole('img', { name: /Artificial intelligence contains machine learning/ }).count()).resolves.toBe(1);
    // text, not innerText: what is far from the viewport is not rendered yet (content-visibility)
    const years = (await page.locator('ol.timeline .year').allTextContents()).map((s) => s.trim());
    expect(years).toEqual(['1943', '1956', '1958', '1969', '1986', '2012']);
    for (const name of ['The perceptron', 'Activation functions and vanishing gradients', 'Deep neural networks', 'Backpropagation and loss', 'Optimizers']) {
      const link = page.locator('article, main').getByRole('link', { name, exact: true }).first();
      expect(await link.getAttribute('href')).toMatch(/\/lessons\/0[2-6]-/);
    }
    await close();
  }, 120_000);

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing on the lesson, trained, in the ${theme} theme`, async () => {
      const { page, lab, close } = await open('', { theme });
      await lab.getByRole('checkbox', { name: 'x₁²' }).check();
      await lab.getByTestId('train-linear').click();
      await lab.getByTestId('train-network').click();
      await poll(() => lab.getByTestId('network-score').innerText()).toMatch(/After 1000 steps/);
      expectNoViolations(await axeScan(page));
      await close();
    }, 180_000);
  }

  test('on a 360 px phone nothing scrolls sideways', async () => {
    const { page, lab, close } = await open('', { width: 360 });
    await lab.getByTestId('train-network').click();
    await poll(() => lab.getByTestId('network-score').innerText()).toMatch(/After 1000 steps/);
    await nextFrames(page as Page, 2);
    const overflow = await horizontalOverflow(page);
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    await close();
  }, 120_000);
});

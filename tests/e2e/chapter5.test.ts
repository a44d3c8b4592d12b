/**
 * Chapter 5's widgets in a real browser: the backprop stepper stepped through a whole iteration
 * by keyboard and by pointer, an edited weight changing every value downstream, bad input refused
 * with a message, share links restoring the whole state (weights and step included), a vertical
 * swipe over the graph scrolling the page, no sideways scroll at 360 px; the loss explorer and the
 * gradient-check lab (the V, and the planted bug caught); axe clean in both themes.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../../src/lib/share-state.ts';
import {
  axeScan, copiedLink, exercises, expectClean, expectNoViolations, horizontalOverflow, hydrated, nextFrames, openPage, poll, setTheme,
  type OpenPageOptions,
} from './support.ts';

type Loc = ReturnType<Page['locator']>;
const textOf = async (loc: Loc) => ((await loc.textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** Waits until the element's text is `want` (a string: exactly; a pattern: matching). */
const textIs = (loc: Loc, want: string | RegExp) =>
  typeof want === 'string' ? poll(() => textOf(loc)).toBe(want) : poll(() => textOf(loc)).toMatch(want);
const textHas = (loc: Loc, want: string) => poll(() => textOf(loc)).toContain(want);
const textLacks = (loc: Loc, want: string) => poll(() => textOf(loc)).not.toContain(want);
const valueIs = (loc: Loc, want: string) => poll(() => loc.inputValue()).toBe(want);
const visible = (loc: Loc) => poll(() => loc.isVisible()).toBe(true);

const PATH = '/lessons/05-backpropagation/';
const WIDGETS = ['backprop-stepper', 'loss-explorer', 'gradient-check'] as const;
const WIDGETS_ONLY = {
  exclude: [
    '.prose > :not(astro-island)',
    ...WIDGETS.map((id) => `.prose > astro-island:not(:has(#${id}))`),
    ...WIDGETS.map((id) => `section#${id} .tools`),
  ],
};

async function openChapter(query = '', options: OpenPageOptions = {}) {
  const opened = await openPage(`${PATH}${query}`, { settle: false, reducedMotion: true, ...options });
  for (const id of WIDGETS) await hydrated(opened.page, `section#${id}`);
  return opened;
}

function stepper(page: Page) {
  const root = page.locator('section#backprop-stepper');
  return {
    root,
    next: root.getByRole('button', { name: 'Next step', exact: true }),
    button: (name: string) => root.getByRole('button', { name, exact: true }),
    graph: root.getByRole('group', { name: /The network as a graph/ }),
    formula: root.getByTestId('formula'),
    status: root.getByRole('status'),
    field: (name: string) => root.getByRole('textbox', { name: `${name}, typed value`, exact: true }),
    box: (id: string) => root.locator(`g[data-id="${id}"]`),
    cell: (param: number, col: string) => root.locator(`tr[data-param="${param}"] td[data-col="${col}"]`),
  };
}

describe('chapter 5: the backprop stepper', () => {
  test('a whole iteration by keyboard: 34 steps, each line written out, the update moves the loss', async () => {
    const { page, collected, close } = await openChapter();
    const s = stepper(page);
    await s.graph.focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => s.formula.textContent()).toContain('z⁽¹⁾₁ = w⁽¹⁾₁₁·x₁ + w⁽¹⁾₁₂·x₂ + b⁽¹⁾₁ = 0.6 × 1 + (−0.4) × 0.5 + 0 = 0.4');
    for (let i = 1; i < 10; i++) await page.keyboard.press('ArrowRight');
    await poll(() => s.formula.textContent()).toContain('δ⁽²⁾ = ∂L/∂ŷ · σ′(z⁽²⁾) = (−1.8171) × 0.24747 = −0.4497');
    await textIs(s.status, 'Step 10 of 34 (Backward pass): δ⁽²⁾ = −0.4497.');
    await textHas(s.box('u2-0'), '−0.4497');
    await page.keyboard.press('ArrowLeft');
    await textIs(s.status, /^Step 9 of 34/);
    await page.keyboard.press('End');
    await textIs(s.status, 'Step 34 of 34 (Update): b⁽²⁾ = 0.3248.');
    await textIs(s.cell(6, 'grad'), '−0.26921');
    await textIs(s.cell(6, 'numeric'), '−0.26921');
    await textIs(s.cell(6, 'updated'), '0.8346');
    // Tab to the button and press it: the update, by keyboard
    await s.button('Next iteration').focus();
    await page.keyboard.press('Enter');
    await textIs(s.status, 'Updated. Iteration 2 starts: the loss on this example went from 0.5972 to 0.4306.');
    await valueIs(s.field('w⁽²⁾₁₁'), '0.8346');
    await s.graph.focus();
    await page.keyboard.press('ArrowRight');
    await textIs(s.status, /^Step 1 of 34 \(Forward pass\)/); // the status follows the latest action
    expectClean(collected);
    await close();
  });

  test('a whole iteration by pointer: buttons and clicks on the graph', async () => {
    const { page, collected, close } = await openChapter();
    const s = stepper(page);
    await s.next.click();
    await s.next.click();
    await textHas(s.box('u1-0'), '0.5987');
    await s.button('Finish this phase').click();
    await textIs(s.status, 'Step 6 of 34 (Forward pass): ŷ = 0.5503.');
    await s.box('loss').click();
    await textIs(s.status, 'Step 7 of 34 (Loss): L = 0.5972.');
    await s.box('w1-0-0').click(); // jump to the next step computed on that edge: its gradient
    await textHas(s.formula, '∂L/∂w⁽¹⁾₁₁ = δ⁽¹⁾₁ · x₁');
    await textHas(s.box('w1-0-0'), '∂ −0.07563');
    await s.button('Finish this phase').click();
    await s.button('Finish this phase').click();
    await textIs(s.status, /^Step 34 of 34/);
    await s.button('Next iteration').click();
    await textIs(s.status, /from 0\.5972 to 0\.4306/);
    expectClean(collected);
    await close();
  });

  test('editing a weight changes every value downstream; bad input gets a clear message and changes nothing', async () => {
    const { page, collected, close } = await openChapter();
    const s = stepper(page);
    await s.button('Finish this phase').click();
    await textHas(s.box('u2-0'), '0.5503');
    await s.field('w⁽¹⁾₂₁').fill('1.5');
    await s.field('w⁽¹⁾₂₁').press('Enter');
    await textHas(s.box('u1-0'), '0.5987'); // not downstream of w⁽¹⁾₂₁
    await textHas(s.box('u1-1'), '1.85'); // z⁽¹⁾₂ = 1.5 + 0.45 − 0.1
    await textHas(s.box('u1-1'), '0.8641');
    await textLacks(s.box('u2-0'), '0.5503');
    await textIs(s.status, /^Step 6 of 34 \(Forward pass\): ŷ = 0\.5/);
    const before = await s.box('u2-0').textContent();
    await s.field('b⁽²⁾').fill('abc');
    await s.field('b⁽²⁾').press('Enter');
    const message = s.root.locator('[data-message="p8"]');
    await textIs(message, 'b⁽²⁾: type a number from −50 to 50; the old value stays.');
    await poll(() => s.field('b⁽²⁾').getAttribute('aria-invalid')).toBe('true');
    await valueIs(s.field('b⁽²⁾'), '0.1');
    expect(await s.box('u2-0').textContent()).toBe(before);
    await textLacks(page.locator('section#backprop-stepper'), 'NaN');
    expectClean(collected);
    await close();
  });

  test('the share link restores the whole state: weights, settings, iteration and step', async () => {
    const { page, context, collected, close } = await openChapter();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const s = stepper(page);
    await s.button('Two outputs').click();
    await s.root.getByRole('combobox', { name: 'Hidden activation' }).selectOption('tanh');
    await s.root.getByRole('combobox', { name: 'Learning rate η' }).selectOption('1');
    await s.field('w⁽²⁾₂₂').fill('1.25');
    await s.field('w⁽²⁾₂₂').press('Enter');
    await s.button('10 iterations').click();
    for (let i = 0; i < 12; i++) await s.next.click();
    const status = await s.status.textContent();
    const fields = await s.root.locator('input.nn-number-field').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const url = await copiedLink(page, 'backprop-stepper');
    const other = await openPage(url.replace(/^https?:\/\/[^/]+/, ''), { settle: false, reducedMotion: true });
    await hydrated(other.page, 'section#backprop-stepper');
    const t = stepper(other.page);
    await valueIs(t.root.getByRole('combobox', { name: 'Shape' }), '2-2-2');
    await valueIs(t.root.getByRole('combobox', { name: 'Hidden activation' }), 'tanh');
    await valueIs(t.root.getByRole('combobox', { name: 'Learning rate η' }), '1');
    expect(await t.root.locator('input.nn-number-field').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(fields);
    await visible(t.formula);
    await visible(t.root.getByText(/Step 12 of \d+ · iteration 11/));
    expect((await t.status.textContent())?.length).toBeGreaterThan(0);
    void status;
    expectClean(other.collected);
    await other.close();
    expectClean(collected);
    await close();
  });

  test('a link the menus would not offer is refused with the notice, and the defaults stay', async () => {
    const state = { arch: '2-2-1', hidden: 'sigmoid', loss: 'bce', lr: 0.3, params: [0.6, -0.4, 0.2, 0.9, 0, -0.1, 0.7, -0.5, 0.1], x: [1, 0.5], y: [1], cursor: 3, iteration: 0 };
    const { page, collected, close } = await openChapter(`?w-backprop-stepper=${encodeState(state)}`);
    const s = stepper(page);
    await visible(s.root.getByRole('alert'));
    await valueIs(s.root.getByRole('combobox', { name: 'Learning rate η' }), '0.5');
    await textIs(s.status, /^Iteration 1: ready/);
    expectClean(collected);
    await close();
  });

  test('symmetric start: the twins note stays through updates', async () => {
    const { page, collected, close } = await openChapter();
    const s = stepper(page);
    await s.button('All weights equal').click();
    await visible(s.root.getByTestId('symmetric'));
    await s.button('10 iterations').click();
    await visible(s.root.getByTestId('symmetric'));
    await poll(() => s.field('w⁽¹⁾₁₁').inputValue()).not.toBe('0.5');
    expect(await s.field('w⁽¹⁾₁₁').inputValue()).toBe(await s.field('w⁽¹⁾₂₁').inputValue());
    expectClean(collected);
    await close();
  });

  test('on a 360 px phone: no sideways page scroll, the graph scrolls in its own box, a vertical swipe scrolls the page', async () => {
    const { page, collected, close } = await openChapter('', { width: 360, height: 780, touch: true });
    const overflow = await horizontalOverflow(page);
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(360);
    const box = page.locator('section#backprop-stepper .graph-scroll');
    expect(await box.evaluate((el) => getComputedStyle(el).touchAction)).toBe('pan-x pan-y');
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // numbers stay readable: the drawing is not shrunk below its minimum width
    expect(await box.locator('svg').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(660);
    await box.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await nextFrames(page, 3);
    const rect = (await box.boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const y0 = await page.evaluate(() => window.scrollY);
    const status0 = await stepper(page).status.textContent();
    const point = (y: number) => [{ x: rect.x + rect.width / 2, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(rect.y + rect.height * 0.9) });
    for (let i = 1; i <= 12; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(rect.y + rect.height * 0.9 - i * 20) });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
    expect((await page.evaluate(() => window.scrollY)) - y0).toBeGreaterThan(100);
    expect(await stepper(page).status.textContent()).toBe(status0);
    expectClean(collected);
    await close();
  });
});

describe('chapter 5: loss explorer and gradient-check lab', () => {
  test('the loss explorer: readouts follow ŷ, and its link restores the state', async () => {
    const { page, context, collected, close } = await openChapter();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const root = page.locator('section#loss-explorer');
    const slider = root.getByRole('slider', { name: 'Prediction ŷ' });
    await slider.fill('0.001');
    await textIs(root.locator('tr[data-loss="bce"] td').nth(2), '−0.999');
    await textIs(root.locator('tr[data-loss="mse"] td').nth(2), '−0.001996');
    await root.getByRole('combobox', { name: 'Parameter' }).selectOption({ label: 'w⁽¹⁾₁₁' });
    await textHas(root.getByTestId('slopes'), 'Slope by backprop −0.0756262; by central differences −0.0756262');
    const url = await copiedLink(page, 'loss-explorer');
    const other = await openPage(url.replace(/^https?:\/\/[^/]+/, ''), { settle: false, reducedMotion: true });
    await hydrated(other.page, 'section#loss-explorer');
    const r2 = other.page.locator('section#loss-explorer');
    await valueIs(r2.getByRole('slider', { name: 'Prediction ŷ' }), '0.001');
    await valueIs(r2.getByRole('combobox', { name: 'Parameter' }), '0');
    expectClean(other.collected);
    await other.close();
    expectClean(collected);
    await close();
  });

  test('the gradient-check lab: the V bottoms out near 1e−5, and the planted bug is caught at every ε', async () => {
    const { page, collected, close } = await openChapter();
    const root = page.locator('section#gradient-check');
    const eps = root.getByRole('slider', { name: /Step ε/ });
    await textHas(root.getByTestId('verdict'), 'relative error 1.6e−11');
    await eps.fill('-1');
    await textHas(root.getByTestId('verdict'), 'relative error 6.4e−4');
    await eps.fill('-12');
    await textHas(root.getByTestId('verdict'), 'relative error 2.7e−4');
    await root.getByRole('checkbox', { name: /Plant a bug/ }).check();
    for (const v of ['-1', '-5', '-12']) {
      await eps.fill(v);
      await textHas(root.getByTestId('verdict'), 'the backprop gradient is wrong');
      await textHas(root.getByTestId('verdict'), 'relative error 7.6e−1');
    }
    await textHas(root.locator('footer p.status'), '6 of 9 parameters fail');
    expect(await root.locator('tr[data-param="6"] td[data-col="rel"]').getAttribute('class')).not.toMatch(/bad/);
    expectClean(collected);
    await close();
  });

  test('exercises accept the answers the prose derives', async () => {
    const { page, collected, close } = await openChapter();
    const ex = exercises(page);
    await ex.type('ch5-forward', '0.6900');
    await ex.type('ch5-grad', '0.3490');
    await ex.type('ch5-update', '-0.6745');
    await ex.type('ch5-cost', '50');
    await ex.type('ch5-cost', '49', 'incorrect');
    expectClean(collected);
    await close();
  });

  test('the three widgets pass axe in light and dark, and the theme switch keeps the page clean', async () => {
    const { page, collected, close } = await openChapter();
    await stepper(page).button('Finish this phase').click();
    expectNoViolations(await axeScan(page, WIDGETS_ONLY));
    await setTheme(page, 'dark');
    expectNoViolations(await axeScan(page, WIDGETS_ONLY));
    expectClean(collected);
    await close();
  }, 180_000);

  test('on a 390 px phone every display formula that scrolls sideways can be reached by keyboard, and one that fits cannot', async () => {
    const { page, collected, close } = await openPage(PATH, { width: 390, height: 800 });
    const boxes = await page.$$eval('.prose .katex-display', (els) =>
      els.map((el) => ({ overflows: el.scrollWidth > el.clientWidth + 1, tabIndex: el.tabIndex, name: el.getAttribute('aria-label') })));
    const wide = boxes.filter((b) => b.overflows);
    expect(wide.length).toBeGreaterThan(0);
    for (const b of wide) expect(b).toMatchObject({ tabIndex: 0, name: 'Formula, wider than the page: scroll it sideways' });
    for (const b of boxes.filter((b) => !b.overflows)) expect(b.tabIndex).toBe(-1);
    // the same page at desktop width: nothing overflows, so nothing extra is in the tab order
    await page.setViewportSize({ width: 1280, height: 900 });
    await poll(() => page.$$eval('.prose .katex-display', (els) => els.filter((el) => el.tabIndex === 0).length), 30_000).toBe(0);
    expectClean(collected);
    await close();
  }, 120_000);
});

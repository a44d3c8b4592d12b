/**
 * Assignments in a real browser, on the network playground: an instructor composes one (a goal of
 * two conditions and a note), a learner opens the link in a fresh browser, trains until the goal
 * holds and makes a result link, and the instructor opens that in a third browser and sees the run
 * replayed and the verdict. A forged result link (claims copied, run cut short) is judged by its
 * replay and the edit is named; a damaged link says why. Axe is clean in both themes; a phone does
 * not scroll sideways.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeState, encodeState } from '../../src/lib/share-state.ts';
import { z } from '../../src/lib/zod.ts';
import { axeScan, expectClean, expectNoViolations, horizontalOverflow, hydrated, openPage, openTab, poll, setTheme } from './support.ts';
import { hydrateAll } from './harness.ts';

const CH4 = '/lessons/04-deep-networks/';
const W = '#playground';

async function trainUntilMet(page: Page): Promise<void> {
  const box = page.locator(`${W} [data-assignment="task"]`);
  const frame = page.locator(W);
  await frame.getByRole('button', { name: 'Play', exact: true }).click();
  await poll(() => box.getAttribute('data-met'), 60_000).toBe('true');
  await frame.getByRole('button', { name: 'Pause', exact: true }).click();
  await poll(() => frame.locator('.pg').getAttribute('data-playing')).toBe('false');
}

describe('assignments', () => {
  test('compose → a learner meets the goal → the instructor sees the replayed verdict; a forged result is caught', async () => {
    // the instructor
    const teacher = await openPage(CH4, { reducedMotion: true, settle: false });
    const { page } = teacher;
    await hydrated(page, W);
    await page.locator(W).getByRole('button', { name: 'Make an assignment from Network playground' }).click();
    const composer = page.locator(`${W} [data-assign-composer]`);
    await composer.waitFor();
    await composer.getByRole('combobox', { name: 'Quantity for condition 1' }).selectOption('testLoss');
    await composer.getByRole('combobox', { name: 'Comparison for condition 1' }).selectOption('<');
    // a bad value says why and makes no link
    await composer.getByRole('textbox', { name: 'Value for condition 1' }).fill('abc');
    await composer.getByRole('button', { name: 'Make the assignment link' }).click();
    expect(await composer.getByRole('alert').innerText()).toBe('Type a number, like 0.1 or 95.');
    expect(await composer.locator('[data-assignment-link]').count()).toBe(0);
    await composer.getByRole('textbox', { name: 'Value for condition 1' }).fill('0.3');
    await composer.getByRole('button', { name: 'Add a condition' }).click();
    await composer.getByRole('combobox', { name: 'Quantity for condition 2' }).selectOption('hiddenUnits');
    await composer.getByRole('textbox', { name: 'Value for condition 2' }).fill('6');
    await composer.getByRole('textbox', { name: 'Note for the learner (optional)' }).fill('Train the circle <b>without</b> a bigger network.');
    await composer.getByRole('button', { name: 'Make the assignment link' }).click();
    const assignLink = await composer.locator('[data-assignment-link]').inputValue();
    const code = (await composer.locator('.code').innerText()).replace('Assignment code ', '');
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expectNoViolations(await axeScan(page, { include: [W] }));
    }
    expectClean(teacher.collected);
    await teacher.close();

    // the learner, in a fresh browser
    const learner = await openPage(assignLink, { reducedMotion: true, settle: false });
    const lp = learner.page;
    await hydrated(lp, W);
    const task = lp.locator(`${W} [data-assignment="task"]`);
    await task.waitFor();
    expect(await task.locator('[data-assignment-note]').innerText()).toBe('Train the circle <b>without</b> a bigger network.');
    expect(await task.locator('b').count()).toBe(0);
    expect(await task.locator('[data-assignment-code]').getAttribute('data-assignment-code')).toBe(code);
    expect(await task.locator('li .goal').allInnerTexts()).toEqual(['test loss < 0.3', 'hidden units ≤ 6']);
    expect(await task.getAttribute('data-met')).toBe('false');
    expect(await task.locator('li[data-goal-met="true"] .goal').allInnerTexts()).toEqual(['hidden units ≤ 6']);
    await trainUntilMet(lp);
    await task.getByRole('textbox', { name: 'Your name (optional, it goes in the link)' }).fill('Min-jun');
    await task.getByRole('button', { name: 'Make the result link' }).click();
    const resultLink = await task.locator('[data-result-link]').inputValue();
    expect(resultLink).toContain('r-playground=');
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(lp, theme);
      expectNoViolations(await axeScan(lp, { include: [W] }));
    }
    expectClean(learner.collected);
    await learner.close();

    // the instructor again, in another fresh browser: the verdict from a replay
    const check = await openPage(resultLink, { reducedMotion: true, settle: false });
    const cp = check.page;
    await hydrated(cp, W);
    const result = cp.locator(`${W} [data-assignment="result"]`);
    await poll(() => result.getAttribute('data-verdict'), 60_000).toBe('met');
    const words = await result.locator('[data-verdict-text]').innerText();
    expect(words).toMatch(/^✓ Goal met: test loss 0\.\d+ \(goal: < 0\.3\); hidden units 6 \(goal: ≤ 6\), replayed here\.$/);
    expect(await result.locator('.from').innerText()).toMatch(/^From Min-jun, 20\d\d-\d\d-\d\d \d\d:\d\d UTC\.$/);
    expect(await result.locator('[data-assignment-code]').getAttribute('data-assignment-code')).toBe(code);
    expect(await result.locator('[data-mismatch]').count()).toBe(0);
    // the replayed table has the epochs the learner trained
    const epochsRow = result.locator('tr', { has: cp.locator('th', { hasText: 'epochs trained' }) });
    const cells = await epochsRow.locator('td').allInnerTexts();
    expect(cells[0]).toBe(cells[1]);
    expect(Number(cells[0])).toBeGreaterThan(0);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(cp, theme);
      expectNoViolations(await axeScan(cp, { include: [W] }));
    }
    expectClean(check.collected);
    await check.close();

    // a forged result: the same claims, but the run cut to 2 epochs
    const forged = new URL(resultLink);
    // any state: the forgery starts from what the link holds
    const state = decodeState(forged.searchParams.get('w-playground'), z.unknown());
    if (!state.ok) throw new Error(state.reason);
    forged.searchParams.set('w-playground', encodeState({ ...(state.value as object), epochs: 2, legs: [] }));
    const fake = await openPage(forged.toString(), { reducedMotion: true, settle: false });
    const fp = fake.page;
    await hydrated(fp, W);
    const fr = fp.locator(`${W} [data-assignment="result"]`);
    await poll(() => fr.getAttribute('data-verdict'), 60_000).toBe('not-met');
    expect(await fr.locator('[data-verdict-text]').innerText()).toMatch(/^✗ Goal not met: test loss 0\.\d+, not < 0\.3; hidden units 6 \(goal: ≤ 6\), replayed here\.$/);
    const mismatches = await fr.locator('[data-mismatch]').allInnerTexts();
    expect(mismatches.some((m) => /^The link claims test loss 0\.\d+, but replaying its run gives 0\.\d+\./.test(m))).toBe(true);
    expect(mismatches.some((m) => /^The link claims epochs trained \d+, but replaying its run gives 2\./.test(m))).toBe(true);
    await fake.close();
  }, 240_000);

  test('a damaged assignment or result link says why, and the widget still works', async () => {
    const bad = await openPage(`${CH4}?a-playground=${encodeState({ v: 1, widget: 'playground', lesson: 'x', note: '', goals: [{ m: 'nothing', op: '<', v: 1 }] })}#playground`, { reducedMotion: true, settle: false });
    await hydrated(bad.page, W);
    const box = bad.page.locator(`${W} [data-assignment="bad"]`);
    await box.waitFor();
    expect(await box.innerText()).toBe('This assignment does not fit this widget (this widget cannot measure "nothing").');
    await bad.page.locator(W).getByRole('button', { name: 'Step', exact: true }).click();
    await poll(() => bad.page.locator(W).locator('.status').innerText()).toMatch(/epoch 1\b/i);
    await bad.close();

    const damaged = await openPage(`${CH4}?r-playground=%%%#playground`, { reducedMotion: true, settle: false });
    await hydrated(damaged.page, W);
    const r = damaged.page.locator(`${W} [data-assignment="result"]`);
    await poll(() => r.getAttribute('data-verdict')).toBe('refused');
    expect(await r.innerText()).toContain('This result cannot be checked: the link is damaged (the state is not valid base64url). Nothing was replayed.');
    await damaged.close();
  }, 120_000);

  test('on a 360 px phone the composer and the boxes fit', async () => {
    const phone = await openPage(CH4, { width: 360, height: 740, reducedMotion: true, settle: false });
    await hydrated(phone.page, W);
    await phone.page.locator(W).getByRole('button', { name: 'Make an assignment from Network playground' }).click();
    const composer = phone.page.locator(`${W} [data-assign-composer]`);
    await composer.getByRole('button', { name: 'Add a condition' }).click();
    await composer.getByRole('textbox', { name: 'Value for condition 1' }).fill('0.2');
    await composer.getByRole('textbox', { name: 'Value for condition 2' }).fill('0.2');
    await composer.getByRole('button', { name: 'Make the assignment link' }).click();
    await composer.locator('[data-assignment-link]').waitFor();
    const overflow = await horizontalOverflow(phone.page);
    expect(overflow.offenders, JSON.stringify(overflow)).toEqual([]);
    await phone.close();
  }, 120_000);

  test('the instructors page: one worked assignment per chapter, each opening as a task not yet met; every widget can be assigned', async () => {
    const tab = await openTab({ reducedMotion: true });
    const { page } = tab;
    await tab.visit('/instructors/', { settle: false });
    const items = page.locator('[data-example]');
    expect(await items.count()).toBe(6);
    const examples: { chapter: string; href: string; goal: string }[] = [];
    for (const item of await items.all()) {
      examples.push({
        chapter: (await item.getAttribute('data-example'))!,
        href: (await item.locator('[data-example-link]').getAttribute('href'))!,
        goal: (await item.locator('.ex-goal').innerText()).replace(/^Goal: /, '').replace(/\. Code .*$/, ''),
      });
    }
    expect(examples.map((e) => e.chapter)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const e of examples) {
      const url = new URL(e.href, page.url());
      const id = url.hash.slice(1);
      await tab.visit(url.href, { settle: false });
      await hydrated(page, `#${id}`);
      const task = page.locator(`#${id} [data-assignment="task"]`);
      await task.waitFor();
      expect(await task.getAttribute('data-met'), `chapter ${e.chapter}`).toBe('false');
      expect((await task.locator('li .goal').allInnerTexts()).join('; '), `chapter ${e.chapter}`).toBe(e.goal);
      // every widget in the chapter has an Assign button
      await hydrateAll(page);
      const frames = await page.locator('section.nn-widget').filter({ has: page.getByRole('button', { name: 'Copy link', exact: true }) }).count();
      expect(await page.locator('section.nn-widget [data-assign-toggle]').count(), `chapter ${e.chapter}`).toBe(frames);
      expect(frames).toBeGreaterThan(0);
    }
    await tab.close();
  }, 240_000);
});

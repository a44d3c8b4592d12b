/**
 * Progress in a real browser: reaching a chapter's end marks it read (and "not read" can be
 * chosen); the course map and the progress page offer to continue where the learner left off;
 * progress exported in one browser imports into a fresh one; a bad file changes nothing and says
 * why; clearing asks first; axe is clean and a phone does not scroll sideways.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { axeScan, expectNoViolations, horizontalOverflow, openPage, openTab, poll, setTheme } from './support.ts';

const CH2 = '/lessons/02-perceptron/';

async function readChapterEnd(page: import('playwright-core').Page) {
  const end = page.locator('[data-chapter-end]');
  await end.scrollIntoViewIfNeeded();
  await poll(() => end.locator('[data-end-status]').innerText()).toBe('You have reached the end of chapter 2; it is marked as read on your progress page.');
  return end;
}

describe('progress', () => {
  test('reaching the end marks a chapter read; the map and the progress page offer to continue there', async () => {
    const tab = await openTab({ reducedMotion: true });
    const { page } = tab;
    await tab.visit(CH2, { settle: false });
    const end = await readChapterEnd(page);
    expect(await end.getByRole('button', { name: 'Mark chapter 2 as not read' }).count()).toBe(1);
    // a section in the middle is where the learner is
    const heading = page.locator('.prose h2[id]').nth(1);
    const [id, name] = [await heading.getAttribute('id'), (await heading.innerText()).trim()];
    await heading.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 60));
    await poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('nn-last') ?? 'null')?.section)).toBe(id);

    await tab.visit('/', { settle: false });
    const card = page.locator('li.card[data-chapter="2"]');
    await poll(() => card.locator('[data-read-badge]').isVisible()).toBe(true);
    expect(await page.locator('li.card[data-chapter="3"] [data-read-badge]').isVisible()).toBe(false);
    const cont = page.locator('[data-continue-link]');
    await poll(() => cont.isVisible()).toBe(true);
    expect(await cont.innerText()).toBe(`The perceptron · ${name}`.replace('The perceptron', await card.locator('h2 a').innerText()));
    expect(new URL((await cont.getAttribute('href'))!, 'http://x').hash).toBe(`#${id}`);

    await tab.visit('/progress/', { settle: false });
    const row = page.locator('tr[data-chapter="2"]');
    await poll(() => row.getByRole('button', { name: 'Read (chapter 2)' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('link', { name: 'Continue where you left off' }).getAttribute('href')).toMatch(new RegExp(`02-perceptron/#${id}$`));
    expect(await page.getByTestId('progress-summary').innerText()).toMatch(/^1 of 6 chapters read, 0 of \d+ exercises solved, 0 of \d+ challenges met\.$/);

    // marking "not read" on the page sticks, and the chapter's end says so
    await row.getByRole('button', { name: 'Read (chapter 2)' }).click();
    await poll(() => row.getByRole('button', { name: 'Read (chapter 2)' }).getAttribute('aria-pressed')).toBe('false');
    await tab.visit(CH2, { settle: false });
    const end2 = page.locator('[data-chapter-end]');
    await end2.getByRole('button', { name: 'Mark chapter 2 as read' }).waitFor();
    await tab.close();
  }, 120_000);

  test('export in one browser, import in a fresh one; a bad file changes nothing', async () => {
    const one = await openTab({ reducedMotion: true });
    await one.visit(CH2, { settle: false });
    await readChapterEnd(one.page);
    await one.page.evaluate(() => {
      const raw = JSON.parse(localStorage.getItem('nn-progress') ?? '{"v":1,"done":[]}');
      raw.done.push('ch2-and-weights');
      localStorage.setItem('nn-progress', JSON.stringify(raw));
    });
    await one.visit('/progress/', { settle: false });
    await one.page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
    const [download] = await Promise.all([one.page.waitForEvent('download'), one.page.getByRole('button', { name: 'Export progress' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^neural-notebook-progress-\d{4}-\d\d-\d\d\.json$/);
    const file = join(tmpdir(), `nn-progress-${process.pid}.json`);
    await writeFile(file, await readFile((await download.path())!, 'utf8'));
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.done).toEqual(['read:02-perceptron', 'ch2-and-weights']);
    await one.close();

    const two = await openTab({ reducedMotion: true });
    const { page } = two;
    await two.visit('/progress/', { settle: false });
    // the file input answers only once the page's island has hydrated
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
    expect(await page.getByTestId('progress-empty').innerText()).toMatch(/^Nothing yet/);
    const input = page.getByTestId('progress-file');

    // a bad file first: the message says why, nothing changes
    const bad = join(tmpdir(), `nn-bad-${process.pid}.json`);
    await writeFile(bad, JSON.stringify({ ...exported, done: ['<img src=x onerror=alert(1)>'] }));
    await input.setInputFiles(bad);
    await poll(() => page.getByRole('alert').innerText()).toMatch(/^Nothing was changed: nn-bad-\d+\.json could not be used \(the file is damaged \(done\.0: not a progress id\)\)\.$/);
    expect(await page.evaluate(() => localStorage.getItem('nn-progress'))).toBeNull();
    await writeFile(bad, 'not json');
    await input.setInputFiles(bad);
    await poll(() => page.getByRole('alert').innerText()).toMatch(/not JSON/);

    await input.setInputFiles(file);
    await poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).innerText()).toMatch(/^Imported nn-progress-\d+\.json: 2 new items, 2 in all\.$/);
    expect(await page.locator('p.error').textContent()).toBe('');
    await poll(() => page.locator('tr[data-chapter="2"]').getByRole('button', { name: 'Read (chapter 2)' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('link', { name: 'Continue where you left off' }).count()).toBe(1);
    await two.close();
  }, 120_000);

  test('clearing asks first; Cancel keeps everything, Yes forgets it', async () => {
    const tab = await openTab({ reducedMotion: true });
    const { page } = tab;
    await tab.visit(CH2, { settle: false });
    await readChapterEnd(page);
    await tab.visit('/progress/', { settle: false });
    const clear = page.getByRole('button', { name: 'Clear my progress…' });
    await poll(() => clear.isEnabled()).toBe(true);
    await clear.click();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect(await page.getByText(/Forget all 1 recorded items/).count()).toBe(1);
    await cancel.click();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('nn-progress')!).done)).toEqual(['read:02-perceptron']);
    await clear.click();
    await page.getByRole('button', { name: 'Yes, clear my progress' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'cleared' }).count()).toBe(1);
    expect(await page.evaluate(() => [localStorage.getItem('nn-progress'), localStorage.getItem('nn-last')])).toEqual([null, null]);
    expect(await page.getByTestId('progress-empty').innerText()).toMatch(/^Nothing yet/);
    await tab.close();
  }, 120_000);

  test('the progress page: axe clean in both themes; no sideways scroll on a phone', async () => {
    const { page, close } = await openPage('/progress/', { settle: false, width: 360 });
    await page.getByRole('table').waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.offenders, JSON.stringify(overflow)).toEqual([]);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expectNoViolations(await axeScan(page));
    }
    await close();
  }, 120_000);
});

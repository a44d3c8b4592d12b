/**
 * Korean and English in a real browser: each page's language, alternates and switch; the switch
 * keeps the link's widget state and is remembered; Korean lessons run their widgets and exercises
 * in Korean; and the site search finds a word that is in chapter 3 only, in each language, by
 * keyboard alone, landing on the right section. Axe is clean on Korean pages and the open search,
 * in both themes; a 360 px phone does not scroll sideways.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFiles } from '../../src/integrations/service-worker.mjs';
import { basePath, axeScan, expectClean, expectNoViolations, horizontalOverflow, hydrated, openPage, openTab, poll, setTheme, siteUrl } from './support.ts';
import { encodeState } from '../../src/lib/share-state.ts';

const KO_CH2 = '/ko/lessons/02-perceptron/';

describe('two languages', () => {
  test('a Korean lesson: lang, alternates, Korean UI, a widget and an exercise that work', async () => {
    const { page, collected, close } = await openPage(KO_CH2, { settle: false, reducedMotion: true });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    const alternates = await page.evaluate(() =>
      Object.fromEntries(Array.from(document.querySelectorAll('link[rel="alternate"][hreflang]'), (l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])),
    );
    const root = new URL(siteUrl('/')).pathname;
    expect(alternates).toEqual({ en: `${root}lessons/02-perceptron/`, ko: `${root}ko/lessons/02-perceptron/`, 'x-default': `${root}lessons/02-perceptron/` });
    expect(await page.locator('h1').innerText()).toBe('퍼셉트론');
    expect(await page.title()).toBe('2. 퍼셉트론 · Neural Notebook');
    await hydrated(page, '#perceptron');
    const lab = page.locator('#perceptron');
    await lab.getByRole('button', { name: '링크 복사', exact: true }).waitFor();
    await lab.getByRole('button', { name: '한 단계', exact: true }).click();
    await poll(() => lab.locator('.status').innerText()).toMatch(/[가-힣]/);
    // an exercise in Korean, with the English answer and tolerance
    const ex = page.locator('#exercise-ch2-sum');
    await ex.scrollIntoViewIfNeeded();
    await hydrated(page, '#exercise-ch2-sum');
    await ex.getByRole('textbox').fill('0.3');
    await ex.getByRole('button', { name: '확인' }).click();
    await poll(() => ex.getAttribute('data-status')).toBe('correct');
    expect(await ex.locator('.feedback').innerText()).toMatch(/[가-힣]/);
    expectClean(collected);
    await close();
  }, 120_000);

  test('the switch goes to the same page in the other language with the link’s state, and is remembered', async () => {
    const tab = await openTab({ reducedMotion: true });
    const { page } = tab;
    const state = encodeState({ gate: 'OR', w1: 1, w2: 1, b: -0.5, lr: 0.1 });
    await tab.visit(`/lessons/02-perceptron/?w-perceptron=${state}#perceptron`, { settle: false });
    const toKo = page.getByRole('link', { name: '한국어: 이 페이지를 한국어로 보기 (Korean)' });
    expect(await toKo.getAttribute('hreflang')).toBe('ko');
    await Promise.all([page.waitForURL(/\/ko\/lessons\/02-perceptron\//), toKo.click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('w-perceptron')).toBe(state);
    expect(url.hash).toBe('#perceptron');
    await hydrated(page, '#perceptron');
    await poll(() => page.locator('#perceptron').getByRole('combobox').first().inputValue().catch(() => '')).not.toBe(undefined);
    // remembered: an English page now opens in Korean, with its query and hash
    await tab.visit('/lessons/04-deep-networks/?x=1#playground', { settle: false });
    await page.waitForURL(/\/ko\/lessons\/04-deep-networks\/\?x=1#playground$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    // and back
    await Promise.all([page.waitForURL(/\/lessons\/04-deep-networks\/\?x=1#playground$/), page.getByRole('link', { name: 'English: read this page in English (영어로 보기)' }).click()]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await tab.visit('/', { settle: false });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await tab.close();
  }, 120_000);

  test('a missing Korean address gets the 404 page in Korean; an English one in English', async () => {
    const ko = await openPage('/ko/lessons/no-such-chapter/', { status: 404, settle: false });
    expect(await ko.page.locator('main h1').filter({ visible: true }).innerText()).toBe('페이지를 찾을 수 없습니다');
    expect(await ko.page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await ko.close();
    const en = await openPage('/no-such-page/', { status: 404, settle: false });
    expect(await en.page.locator('main h1').filter({ visible: true }).innerText()).toBe('Page not found');
    await en.close();
  }, 60_000);

  test.each(['/ko/', KO_CH2, '/ko/instructors/'])('%s: axe clean in both themes; no sideways scroll at 360 px', async (path) => {
    const { page, close } = await openPage(path, { settle: true, width: 360, reducedMotion: true });
    const overflow = await horizontalOverflow(page);
    expect(overflow.offenders, JSON.stringify(overflow)).toEqual([]);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expectNoViolations(await axeScan(page));
    }
    await close();
  }, 150_000);
});

describe('the sitemap', () => {
  test('lists every built page of both languages once; every page has its counterpart in the other language, named with x-default; robots.txt points to it', () => {
    const dist = resolve(process.env.E2E_DIST?.trim() || 'dist');
    const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => ({
      loc: new URL(/<loc>([^<]+)<\/loc>/.exec(body)![1]).pathname,
      alternates: Object.fromEntries([...body.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, new URL(href).pathname])),
    }));
    const built = listFiles(dist)
      .filter((f: string) => f.endsWith('index.html') && !f.startsWith('pagefind/'))
      .map((f: string) => `${basePath}${f.slice(0, -'index.html'.length)}`)
      .sort();
    expect(entries.map((e) => e.loc).sort()).toEqual(built);
    const file = (path: string) => join(dist, path.slice(basePath.length), 'index.html');
    for (const { loc, alternates } of entries) {
      const korean = loc.startsWith(`${basePath}ko/`);
      const other = korean ? `${basePath}${loc.slice(`${basePath}ko/`.length)}` : `${basePath}ko/${loc.slice(basePath.length)}`;
      // Every page exists in both languages.
      expect(existsSync(file(other)), `${loc} has no counterpart at ${other}`).toBe(true);
      const [en, ko] = korean ? [other, loc] : [loc, other];
      expect(alternates, loc).toEqual({ en, ko, 'x-default': en });
    }
    expect(entries.filter((e) => e.loc.includes('/lessons/'))).toHaveLength(12);
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(new RegExp(`^Sitemap: \\S+${basePath}sitemap\\.xml$`, 'm'));
  });
});

describe('search', () => {
  test.each([
    ['English', '/lessons/02-perceptron/', 'Hochreiter', '/lessons/03-activation-functions/', 'a-short-history'],
    ['Korean', KO_CH2, '호흐라이터', '/ko/lessons/03-activation-functions/', encodeURIComponent('짧은-역사')],
  ])('%s: a word only in chapter 3, by keyboard, lands on its section', async (_lang, from, word, lesson, section) => {
    const { page, collected, close } = await openPage(from, { settle: false, reducedMotion: true });
    await page.locator('body').press('/');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const box = dialog.getByRole('searchbox');
    await poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(word, { delay: 30 });
    const hits = dialog.locator('a.search-hit');
    await poll(() => hits.count(), 20_000).toBeGreaterThan(0);
    const first = new URL((await hits.first().getAttribute('href'))!, page.url());
    expect(first.pathname).toBe(new URL(siteUrl(lesson)).pathname);
    expect(first.hash.toLowerCase()).toBe(`#${section}`.toLowerCase());
    expect(await hits.first().locator('mark').first().innerText()).toMatch(new RegExp(word.slice(0, 4), 'i'));
    expect(await dialog.getByRole('status').innerText()).toMatch(/\d/);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expectNoViolations(await axeScan(page, { include: ['#nn-search'] }));
    }
    await page.keyboard.press('ArrowDown');
    expect(await hits.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([page.waitForURL((u) => u.pathname === first.pathname), page.keyboard.press('Enter')]);
    expect(decodeURIComponent(new URL(page.url()).hash).toLowerCase()).toBe(decodeURIComponent(`#${section}`).toLowerCase());
    expectClean(collected);
    await close();
  }, 120_000);

  test('Escape closes the search and gives focus back; nothing is loaded before it opens', async () => {
    const { page, close } = await openPage('/', { settle: false });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.waitForTimeout(300);
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    const button = page.getByRole('button', { name: 'Search the course (press /)' });
    await button.click();
    await page.getByRole('dialog').waitFor();
    await poll(() => requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await close();
  }, 60_000);
});

/**
 * The course map (home page) and the chapter navigation between lessons: chapters 1-6 in order,
 * each card agreeing with its lesson page, previous/next links chaining the lessons, and the
 * learner's progress (exercises solved and challenges met) on each card.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { expectClean, hydrated, openPage, openTab, poll, siteUrl, type OpenedPage, type Tab } from './support.ts';

/** What a course-map card shows. */
interface Card {
  chapter: number;
  title: string;
  href: string;
  text: string;
  objectives: string[];
}

/** `map.minutes` ('{n} min') as a pattern capturing n. */
const minutesOnCard = new RegExp(en['map.minutes'].replace('{n}', '(\\d+)'));
/** `lesson.minutes` ('About {n} minutes') as a pattern capturing n. */
const minutesOnLesson = new RegExp(en['lesson.minutes'].replace('{n}', '(\\d+)'));
/** `map.prereq` ('Before this: {list}') up to its list. */
const prereqPrefix = en['map.prereq'].split('{list}')[0];

let home: OpenedPage;
let cards: Card[];
let tab: Tab;

beforeAll(async () => {
  home = await openPage('/');
  cards = await home.page.locator('main [data-chapter]').evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector('h2 a, h3 a') as HTMLAnchorElement | null;
      return {
        chapter: Number(item.getAttribute('data-chapter')),
        title: link?.textContent?.trim() ?? '',
        href: link?.href ?? '',
        text: (item as HTMLElement).innerText.replace(/\s+/g, ' '),
        objectives: Array.from(item.querySelectorAll('li'), (li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
      };
    }),
  );
  tab = await openTab();
});

afterAll(async () => {
  await home?.close();
  await tab?.close();
});

describe('the course map', () => {
  test('lists chapters 1 to 6 in order, each linking to its lesson', () => {
    expect(cards.map((c) => c.chapter)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const card of cards) {
      expect(card.title.length, `chapter ${card.chapter} has a title`).toBeGreaterThan(2);
      expect(card.href).toMatch(/\/lessons\/[^/]+\/$/);
    }
    expect(new Set(cards.map((c) => c.href)).size).toBe(cards.length);
    expectClean(home.collected);
  });

  test('shows each chapter’s minutes, 3 to 5 objectives and its prerequisites', () => {
    const titles = new Map(cards.map((c) => [c.chapter, c.title]));
    for (const card of cards) {
      const minutes = minutesOnCard.exec(card.text);
      expect(minutes, `chapter ${card.chapter} shows its minutes`).not.toBeNull();
      expect(Number(minutes?.[1])).toBeGreaterThanOrEqual(5);
      expect(card.objectives.length, `chapter ${card.chapter} objectives`).toBeGreaterThanOrEqual(3);
      expect(card.objectives.length).toBeLessThanOrEqual(5);
      if (card.text.includes(en['map.prereq.none'])) continue;
      const at = card.text.indexOf(prereqPrefix);
      expect(at, `chapter ${card.chapter} names its prerequisites`).toBeGreaterThanOrEqual(0);
      // "Before this: 1. Title; 2. Title": every prerequisite is an earlier chapter, named by its title.
      const listed = card.text.slice(at + prereqPrefix.length).split(';').map((s) => s.trim());
      for (const entry of listed) {
        const [, number, title] = /^(\d+)\. (.*)$/.exec(entry) ?? [];
        expect(Number(number), `"${entry}" on chapter ${card.chapter}`).toBeLessThan(card.chapter);
        expect(title?.startsWith(titles.get(Number(number)) ?? '\0'), `"${entry}" names chapter ${number}`).toBe(true);
      }
    }
  });

});

describe('the lesson pages', () => {
  test('agree with their cards, chain by previous/next in chapter order, and mark the current chapter', async () => {
    for (const [i, card] of cards.entries()) {
      const { collected } = await tab.visit(card.href, { settle: false });
      const lesson = await tab.page.evaluate(() => ({
        h1: document.querySelector('main h1')?.textContent?.trim(),
        text: (document.querySelector('main') as HTMLElement).innerText.replace(/\s+/g, ' '),
        description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
        prev: (document.querySelector('a[rel="prev"]') as HTMLAnchorElement | null)?.href ?? null,
        next: (document.querySelector('a[rel="next"]') as HTMLAnchorElement | null)?.href ?? null,
        current: Array.from(document.querySelectorAll<HTMLAnchorElement>('nav a[aria-current="page"]'), (a) => a.href),
      }));
      // Title, summary (the page's description), minutes and objectives match the card.
      expect(lesson.h1, `chapter ${card.chapter}`).toBe(card.title);
      expect(lesson.description.length).toBeGreaterThan(20);
      expect(card.text, `the card of chapter ${card.chapter} shows the lesson's summary`).toContain(lesson.description);
      expect(lesson.text).toContain(lesson.description);
      expect(minutesOnLesson.exec(lesson.text)?.[1], `chapter ${card.chapter} minutes`).toBe(minutesOnCard.exec(card.text)?.[1]);
      for (const objective of card.objectives) expect(lesson.text).toContain(objective);
      // Previous/next follow the map's order; the chapter list marks this chapter.
      expect(lesson.prev, `previous of chapter ${card.chapter}`).toBe(cards[i - 1]?.href ?? null);
      expect(lesson.next, `next of chapter ${card.chapter}`).toBe(cards[i + 1]?.href ?? null);
      expect(lesson.current, `chapter ${card.chapter} marked current`).toContain(card.href);
      expect(collected.pageErrors).toEqual([]);
    }
  });
});

describe('learner progress on the course map', () => {
  /** What chapter `n`'s card shows about progress: the ids it counts, its line and its bar. */
  async function progressOf(page: Page, n: number) {
    const box = page.locator(`main [data-chapter="${n}"] .progress`);
    if ((await box.count()) === 0) return { box, exercises: [], challenges: [], visible: false, text: '', bar: { value: 0, max: 0 } };
    const ids = (name: string) => box.getAttribute(name).then((v) => (v ?? '').split(' ').filter(Boolean));
    return {
      box,
      exercises: await ids('data-exercise-ids'),
      challenges: await ids('data-challenge-ids'),
      visible: await box.isVisible(),
      text: (await box.isVisible()) ? (await box.innerText()).replace(/\s+/g, ' ').trim() : '',
      bar: await box.locator('progress').evaluate((p) => ({ value: (p as HTMLProgressElement).value, max: (p as HTMLProgressElement).max })),
    };
  }

  test('a card shows how many of its chapter’s exercises and challenges this browser has done', async () => {
    // Two of chapter 2's exercises and its challenge, chapter 4's challenge, and an id of no chapter.
    const stored = JSON.stringify({ v: 1, done: ['ch2-sum', 'ch2-xor', 'ch2-nand', 'ch4-circle', 'nowhere-1'] });
    const opened = await openPage('/', {
      initScripts: [`localStorage.setItem('nn-progress', ${JSON.stringify(stored)});`],
    });
    try {
      const { page } = opened;
      await page.locator('main [data-chapter="2"] .progress').waitFor({ state: 'visible' });
      const two = await progressOf(page, 2);
      expect(two.exercises.length).toBeGreaterThanOrEqual(4);
      expect(two.exercises).toEqual(expect.arrayContaining(['ch2-sum', 'ch2-xor']));
      expect(two.challenges).toEqual(['ch2-nand']);
      expect(two.text).toBe(`2 of ${two.exercises.length} exercises, 1 of 1 challenge done`);
      expect(two.bar).toEqual({ value: 3, max: two.exercises.length + 1 });
      // Chapter 4: the challenge alone is enough to show the line.
      const four = await progressOf(page, 4);
      expect(four.challenges).toEqual(['ch4-circle']);
      expect(four.text).toBe(`0 of ${four.exercises.length} exercises, 1 of 1 challenge done`);
      expect(four.bar).toEqual({ value: 1, max: four.exercises.length + 1 });
      // Chapter 3 has exercises but no challenge; nothing done there, so no progress line.
      const three = await progressOf(page, 3);
      expect(three.challenges).toEqual([]);
      expect(three.visible).toBe(false);
      expect(await page.locator('main [data-chapter="1"] .progress:visible').count()).toBe(0);
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });

  test('each card counts exactly the challenges its lesson records (the ids on the page, after hydration)', async () => {
    const opened = await openPage('/', { settle: false });
    try {
      const expected = new Map<number, string[]>();
      for (const card of cards) expected.set(card.chapter, (await progressOf(opened.page, card.chapter)).challenges);
      for (const card of cards) {
        const { collected } = await tab.visit(card.href);
        const onPage = await tab.page.evaluate(() => [
          ...new Set(Array.from(document.querySelectorAll<HTMLElement>('[data-challenge]'), (el) => el.dataset.challenge ?? '')),
        ]);
        expect([...onPage].sort(), `chapter ${card.chapter}'s challenges`).toEqual([...(expected.get(card.chapter) ?? [])].sort());
        expect(collected.pageErrors).toEqual([]);
      }
    } finally {
      await opened.close();
    }
  });

  test('meeting the NAND challenge in the perceptron lab shows on the course map, and a second visit keeps it', async () => {
    const opened = await openPage('/lessons/02-perceptron/', { settle: false });
    try {
      const { page } = opened;
      await hydrated(page, 'section#perceptron');
      const lab = page.locator('section#perceptron');
      const verdict = lab.locator('[data-challenge="ch2-nand"] .verdict');
      expect(await verdict.getAttribute('data-done')).toBe('false');
      await lab.getByRole('button', { name: 'NAND', exact: true }).click();
      await lab.getByRole('button', { name: 'Train to the end', exact: true }).click();
      await poll(() => verdict.getAttribute('data-done'), 30_000).toBe('true');

      await page.goto(siteUrl('/'));
      const two = await progressOf(page, 2);
      expect(two.text).toBe(`0 of ${two.exercises.length} exercises, 1 of 1 challenge done`);
      expect(two.bar.value).toBe(1);
      await page.reload();
      expect((await progressOf(page, 2)).text).toBe(`0 of ${two.exercises.length} exercises, 1 of 1 challenge done`);
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });
});

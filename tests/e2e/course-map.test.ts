/**
 * The course map (home page) and the chapter navigation between lessons: chapters 1-6 in order,
 * each card agreeing with its lesson page, and previous/next links chaining the lessons.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { expectClean, openPage, openTab, type OpenedPage, type Tab } from './support.ts';

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
  test('a card shows how many of its chapter’s exercises this browser has solved', async () => {
    // Two of chapter 2's exercise ids, plus one that belongs to no chapter.
    const stored = JSON.stringify({ v: 1, done: ['ch2-sum', 'ch2-xor', 'nowhere-1'] });
    const opened = await openPage('/', {
      initScripts: [`localStorage.setItem('nn-progress', ${JSON.stringify(stored)});`],
    });
    try {
      const card2 = opened.page.locator('main [data-chapter="2"] .progress');
      await card2.waitFor({ state: 'visible' });
      const total = await card2.getAttribute('data-exercise-ids');
      const count = (total ?? '').split(' ').filter(Boolean).length;
      expect(count).toBeGreaterThanOrEqual(4);
      expect(await card2.innerText()).toContain(`2 of ${count} exercises done`);
      expect(await opened.page.locator('main [data-chapter="2"] progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(2);
      // Chapter 1 has no solved exercise: its card shows no progress line.
      expect(await opened.page.locator('main [data-chapter="1"] .progress:visible').count()).toBe(0);
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });
});

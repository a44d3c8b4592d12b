/**
 * "Print handout" and "Print with worked answers": the buttons print the page; with answers,
 * every exercise's worked answer is opened and shown on paper, and put back after printing. The
 * PDF is read back with pdftotext (poppler-utils) where it is installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openPage, poll } from './support.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftotext) console.warn('PDF text of the handout not checked: no pdftotext (apt-get install -y poppler-utils)');
const folder = mkdtempSync(join(tmpdir(), 'nn-answers-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** window.print replaced by a recorder of what the page looked like when it was called. */
const RECORD_PRINT = `window.__prints = [];
window.print = () => window.__prints.push({
  answers: document.documentElement.hasAttribute('data-print-answers'),
  open: Array.from(document.querySelectorAll('details[data-solution]'), (d) => d.open),
});`;

const pdfText = (pdf: Buffer, name: string) => {
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
};

describe('printing a chapter with and without the worked answers', () => {
  test('the buttons print; with answers every solution is open on paper, and closed again after', async () => {
    const { page, close } = await openPage('/lessons/02-perceptron/', { settle: false, reducedMotion: true });
    await page.evaluate(RECORD_PRINT);
    const handout = page.getByRole('button', { name: 'Print handout', exact: true });
    const answers = page.getByRole('button', { name: 'Print with worked answers (for instructors)' });
    // the exercises are islands: bring them all in before counting their solutions
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
    const solutions = await page.locator('details[data-solution]').count();
    expect(solutions).toBeGreaterThan(3);

    await handout.click();
    await answers.click();
    const prints = await page.evaluate(() => (window as unknown as { __prints: { answers: boolean; open: boolean[] }[] }).__prints);
    expect(prints).toEqual([
      { answers: false, open: Array(solutions).fill(false) },
      { answers: true, open: Array(solutions).fill(true) },
    ]);

    if (hasPdftotext) {
      // still "printing" with answers: every worked answer is on paper, under its heading, with its words
      const answersText = pdfText(await page.pdf({ format: 'A4' }), 'answers');
      expect(answersText.split('Worked answer').length - 1).toBe(solutions);
      // the instructor's copy has no ruled working space; the learner's handout has one per exercise
      expect(answersText).not.toContain('Working:');
      const words = (await page.locator('details[data-solution] .reveal-body').allTextContents()).join(' ').replace(/\s+/g, ' ').match(/[A-Za-z]{3,}(?: [A-Za-z]{2,}){2}/)?.[0];
      expect(words).toBeTruthy();
      expect(answersText).toContain(words!);
      // after printing, the page is as it was, and a plain handout has no answers
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-print-answers'))).toBe(false);
      expect(await page.locator('details[data-solution][open]').count()).toBe(0);
      const handoutText = pdfText(await page.pdf({ format: 'A4' }), 'handout');
      expect(handoutText).not.toContain('Worked answer');
      expect(handoutText.split('Working:').length - 1).toBe(await page.locator('.nn-exercise').count());
    }
    await close();
  }, 180_000);
});

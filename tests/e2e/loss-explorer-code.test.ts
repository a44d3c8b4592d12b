/**
 * The loss explorer's Code action in a real browser: with the target moved to y = 0, the engine
 * cell shows that target, runs, and prints exactly the widget's "Download data" lines.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { hydrated, openPage, poll } from './support.ts';

describe('loss explorer: show me the code', () => {
  test('the engine cell prints the widget’s CSV for the target on screen', async () => {
    const { page, close } = await openPage('/lessons/05-backpropagation/', { settle: false, reducedMotion: true });
    await hydrated(page, 'section#loss-explorer');
    const root = page.locator('section#loss-explorer');
    await root.scrollIntoViewIfNeeded();
    await root.getByRole('combobox', { name: 'Target y' }).selectOption('0');

    await root.getByRole('button', { name: 'Show the code for Loss explorer' }).click();
    const panel = root.getByRole('region', { name: 'Code for Loss explorer' });
    const cell = panel.locator('section.nn-cell');
    await poll(() => cell.locator('.cm-content').count()).toBe(1);
    expect(await cell.locator('.cm-content').innerText()).toContain('const y = 0;');

    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => cell.getAttribute('data-state'), 20_000).toBe('ok');
    const printed = (await cell.locator('pre.text').first().innerText()).trim().split('\n');

    const [download] = await Promise.all([page.waitForEvent('download'), root.getByRole('button', { name: /CSV/ }).click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(printed.length).toBe(250 + 3); // header, rows, a blank line, the target
    expect(printed.at(-1)).toBe('# target y=0');
    expect(printed).toEqual(csv);
    expect(await cell.locator('canvas').count()).toBe(1);
    await close();
  }, 120_000);
});

/**
 * The frame's Code action and its panel, in jsdom: the button only with getCode or loadCode, what
 * it toggles, the two tabs (the Python tab named after its kind), keyboard between tabs, a generator
 * that throws shows a message instead of an empty panel, the staleness check against a new state;
 * the panel and a widget's code load on the first press, once, and a failed load says so.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync, tick } from 'svelte';
import WidgetFrame from '../../../src/components/widget/WidgetFrame.svelte';
import type { WidgetCode } from '../../../src/lib/widget-code.ts';

const snippet = (html: string) => createRawSnippet(() => ({ render: () => html }));
const code = (n: number, kind: WidgetCode['pythonKind'] = 'pytorch'): WidgetCode => ({ engine: `print(${n})`, python: `print(${n})\n`, pythonKind: kind });

function frame(getCode?: () => WidgetCode, loadCode?: () => Promise<() => WidgetCode>) {
  return render(WidgetFrame, { props: { id: 'demo', title: 'Demo lab', status: 'Ready.', output: snippet('<div>out</div>'), getCode, loadCode } });
}

const codeButton = () => screen.getByRole('button', { name: 'Show the code for Demo lab' });

/** Presses Code and waits for the panel, which loads on the first press. */
async function openCode(): Promise<void> {
  await fireEvent.click(codeButton());
  await vi.waitFor(() => expect(document.querySelector('[data-code-panel]')).not.toBeNull());
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the Code action', () => {
  test('there is no Code button without getCode', () => {
    frame();
    expect(screen.queryByRole('button', { name: 'Show the code for Demo lab' })).toBeNull();
  });

  test('the button toggles a panel with an engine tab and a PyTorch tab', async () => {
    const { container } = frame(() => code(1));
    const button = screen.getByRole('button', { name: 'Show the code for Demo lab' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const host = container.querySelector(`#${button.getAttribute('aria-controls')}`) as HTMLElement;
    expect(host.hidden).toBe(true);
    await openCode();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(host.hidden).toBe(false);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([['Engine (runs here)', 'true'], ['PyTorch', 'false']]);
    // arrow keys move between the tabs; only the selected panel shows
    await fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    const panels = container.querySelectorAll('[role=tabpanel]');
    expect(Array.from(panels, (p) => (p as HTMLElement).hidden)).toEqual([true, false]);
    expect(screen.getByRole('button', { name: 'Download demo.py' })).toBeTruthy();
    await fireEvent.keyDown(tabs[1], { key: 'Home' });
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    await fireEvent.click(button);
    expect(host.hidden).toBe(true);
    expect(container.querySelector('[role=tab]')).toBeNull();
  });

  test('a NumPy program is named so', async () => {
    frame(() => code(1, 'numpy'));
    await openCode();
    expect(screen.getAllByRole('tab')[1].textContent).toBe('Python (NumPy)');
  });

  test('a generator that throws gives a message, not an empty panel', async () => {
    frame(() => {
      throw new Error('no such state');
    });
    await openCode();
    expect(screen.getByRole('alert').textContent).toBe('The code for this state could not be made (no such state).');
  });

  test('when the widget’s code changes, the panel offers to update, and updating clears the offer', async () => {
    vi.useFakeTimers();
    let n = 1;
    frame(() => code(n));
    await openCode();
    vi.advanceTimersByTime(1100);
    flushSync();
    expect(screen.queryByText('The widget has changed since this code was made.')).toBeNull();
    n = 2;
    vi.advanceTimersByTime(1100);
    flushSync();
    expect(screen.getByText('The widget has changed since this code was made.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Update the code' }));
    await tick();
    expect(screen.queryByText('The widget has changed since this code was made.')).toBeNull();
    expect(document.querySelector('[data-python] pre')?.textContent).toBe('print(2)\n');
  });

  test('with loadCode, the code’s maker is loaded on the first press only, and then makes the code of the current state', async () => {
    let n = 3;
    const loadCode = vi.fn(async () => () => code(n));
    frame(undefined, loadCode);
    expect(loadCode).not.toHaveBeenCalled();
    await openCode();
    expect(loadCode).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-python] pre')?.textContent).toBe('print(3)\n');
    await fireEvent.click(codeButton());
    n = 4;
    await openCode();
    expect(loadCode).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-python] pre')?.textContent).toBe('print(4)\n');
  });

  test('when the code cannot be loaded, the status line says so and the panel stays shut', async () => {
    frame(undefined, () => Promise.reject(new Error('offline')));
    await fireEvent.click(codeButton());
    await vi.waitFor(() => expect(codeButton().getAttribute('aria-expanded')).toBe('false'));
    expect(document.querySelector('[data-code-panel]')).toBeNull();
    expect(document.body.textContent).toContain('That part of the widget could not be loaded. Check the connection and try again.');
  });
});

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { z } from '../../../src/lib/zod.ts';
import WidgetFrame from '../../../src/components/widget/WidgetFrame.svelte';
import { encodeState, stateUrl } from '../../../src/lib/share-state.ts';

const schema = z.object({ w: z.number().check(z.minimum(-5), z.maximum(5)), mode: z.enum(['and', 'or']) });
type State = z.infer<typeof schema>;

const snippet = (html: string) => createRawSnippet(() => ({ render: () => html }));

function setUrl(search: string): void {
  history.replaceState(null, '', `/lessons/02/${search}`);
}

function frame(extra: Record<string, unknown> = {}) {
  return render(WidgetFrame, {
    props: {
      id: 'demo',
      title: 'Demo lab',
      status: 'Ready.',
      controls: snippet('<div data-testid="controls">controls here</div>'),
      output: snippet('<div data-testid="output">output here</div>'),
      ...extra,
    },
  });
}

beforeEach(() => setUrl(''));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('WidgetFrame', () => {
  test('renders a section labelled by its title, with the controls and output snippets', () => {
    const { container } = frame();
    const section = container.querySelector('section#demo')!;
    expect(section).not.toBeNull();
    const heading = screen.getByRole('heading', { level: 3, name: 'Demo lab' });
    expect(section.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(screen.getByTestId('controls').textContent).toBe('controls here');
    expect(screen.getByTestId('output').textContent).toBe('output here');
    expect(section.querySelector('.controls')!.classList.contains('no-print')).toBe(true);
    expect(section.classList.contains('wide')).toBe(true);
  });

  test('shows the status line in a polite live region', () => {
    frame();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Ready.');
  });

  test('shows a progress bar only while progress is a number', async () => {
    const { container, rerender } = frame({ progress: 0.4 });
    const bar = container.querySelector('progress')!;
    expect(bar.value).toBeCloseTo(0.4);
    await rerender({ progress: null });
    expect(container.querySelector('progress')).toBeNull();
    await rerender({ progress: NaN });
    expect(container.querySelector('progress')).toBeNull();
  });

  test('Reset calls onReset and says so in the status line', async () => {
    const onReset = vi.fn();
    frame({ onReset });
    await fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Back to the starting state.');
  });

  test('a newer status replaces the frame’s own message at once, and the message does not come back', async () => {
    const { rerender } = frame({ onReset: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByRole('status').textContent).toBe('Back to the starting state.');
    // The widget moves on (a Step) well within the message's 5 s.
    await rerender({ status: 'Step 1: w₁ = 0.5.' });
    expect(screen.getByRole('status').textContent).toBe('Step 1: w₁ = 0.5.');
    // Back to the status the message was shown over: the old message stays gone.
    await rerender({ status: 'Ready.' });
    expect(screen.getByRole('status').textContent).toBe('Ready.');
  });

  test('hides the seed field, Copy link and downloads when their props are absent', () => {
    frame();
    expect(screen.queryByLabelText('Seed')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download data (CSV)' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download image (PNG)' })).toBeNull();
  });

  test('a valid seed calls onSeedChange with the integer', async () => {
    const onSeedChange = vi.fn();
    frame({ seed: 7, onSeedChange });
    const input = screen.getByLabelText('Seed') as HTMLInputElement;
    expect(input.value).toBe('7');
    await fireEvent.input(input, { target: { value: ' 2147483647 ' } });
    await fireEvent.change(input);
    expect(onSeedChange).toHaveBeenCalledWith(2147483647);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  test.each(['', '   ', 'abc', '-1', '1.5', '1e3', '2147483648', 'NaN'])(
    'the seed %j is refused with a message, and the old seed is kept',
    async (text) => {
      const onSeedChange = vi.fn();
      frame({ seed: 7, onSeedChange });
      const input = screen.getByLabelText('Seed') as HTMLInputElement;
      await fireEvent.input(input, { target: { value: text } });
      await fireEvent.keyDown(input, { key: 'Enter' });
      expect(onSeedChange).not.toHaveBeenCalled();
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const error = document.getElementById(input.getAttribute('aria-describedby')!)!;
      expect(error.textContent).toBe('Enter a whole number from 0 to 2147483647. The seed stays 7.');
      // Escape puts the current seed back and clears the error.
      await fireEvent.keyDown(input, { key: 'Escape' });
      expect(input.value).toBe('7');
      expect(input.getAttribute('aria-invalid')).toBeNull();
    },
  );

  test('the seed field follows the seed prop (e.g. after a reset)', async () => {
    const { rerender } = frame({ seed: 7, onSeedChange: vi.fn() });
    await rerender({ seed: 99 });
    expect((screen.getByLabelText('Seed') as HTMLInputElement).value).toBe('99');
  });

  test('a valid link restores the state through share.set', () => {
    const state: State = { w: 2.5, mode: 'or' };
    setUrl(`?w-demo=${encodeState(state)}&w-other=x`);
    const set = vi.fn();
    frame({ share: { schema, get: () => ({ w: 0, mode: 'and' }), set } });
    expect(set).toHaveBeenCalledWith(state);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Settings restored from the link.');
  });

  test('without a state in the URL nothing is restored and no notice shows', () => {
    setUrl('?w-other=abc');
    const set = vi.fn();
    frame({ share: { schema, get: () => ({ w: 0, mode: 'and' }), set } });
    expect(set).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test.each([
    ['bad base64', '%25%25%25'],
    ['out-of-range value', encodeState({ w: 1e6, mode: 'and' })],
    ['hostile markup in a field', encodeState({ w: 1, mode: '<img src=x onerror="window.hacked=1">' })],
    ['prototype keys', encodeState(JSON.parse('{"__proto__":{"x":1},"w":1,"mode":"and"}'))],
  ])('a malformed link (%s) keeps the defaults and shows a dismissible notice', async (_name, param) => {
    setUrl(`?w-demo=${param}`);
    const set = vi.fn();
    const { container } = frame({ share: { schema, get: () => ({ w: 0, mode: 'and' }), set } });
    expect(set).not.toHaveBeenCalled();
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain(
      "This link's settings for Demo lab could not be read, so the defaults are shown.",
    );
    expect(notice.dataset.reason!.length).toBeGreaterThan(0);
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Demo lab' }));
  });

  test('a state the widget itself refuses (share.set throws) also shows the notice', () => {
    setUrl(`?w-demo=${encodeState({ w: 1, mode: 'and' })}`);
    frame({
      share: {
        schema,
        get: () => ({ w: 0, mode: 'and' }),
        set: () => {
          throw new Error('no');
        },
      },
    });
    expect(screen.getByRole('alert').textContent).toContain('could not be read');
  });

  test('Copy link writes stateUrl(id, share.get()) to the clipboard and says "Link copied"', async () => {
    setUrl('?w-other=keep');
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const state: State = { w: -1.25, mode: 'or' };
    frame({ share: { schema, get: () => state, set: vi.fn() } });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const url = writeText.mock.calls[0][0] as string;
    expect(url).toBe(stateUrl('demo', state, location.href));
    const parsed = new URL(url);
    expect(parsed.searchParams.get('w-other')).toBe('keep');
    expect(parsed.hash).toBe('#demo');
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Link copied'));
  });

  test('without a clipboard, Copy link shows the link in a selected read-only field', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const state: State = { w: 3, mode: 'and' };
    frame({ share: { schema, get: () => state, set: vi.fn() } });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = (await screen.findByLabelText('Link to this state')) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe(stateUrl('demo', state, location.href));
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByRole('status').textContent).toBe('Copy the link below to share this exact state.');
  });

  test('Download data (CSV) offers getCSV() as demo.csv', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:csv';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    frame({ getCSV: () => 'x,y\r\n1,2\r\n' });
    await fireEvent.click(screen.getByRole('button', { name: 'Download data (CSV)' }));
    expect(clicks).toEqual(['demo.csv']);
    const bytes = new Uint8Array(await created[0].arrayBuffer());
    // A UTF-8 byte-order mark first, so spreadsheets read the text as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('x,y\r\n1,2\r\n');
    flushSync();
    expect(screen.getByRole('status').textContent).toBe('Saved demo.csv.');
  });

  test('Download image (PNG) with nothing to save says so instead of failing', async () => {
    frame({ getImage: () => null });
    await fireEvent.click(screen.getByRole('button', { name: 'Download image (PNG)' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('There is nothing to save yet.'));
  });
});

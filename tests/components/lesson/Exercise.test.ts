import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import Exercise from '../../../src/components/lesson/Exercise.svelte';
import { PROGRESS_KEY } from '../../../src/lib/progress.ts';

const snippet = (html: string) => createRawSnippet(() => ({ render: () => html }));

const numeric = {
  id: 'ch2-sum',
  kind: 'numeric' as const,
  answer: 0.25,
  tolerance: 0.001,
  children: snippet('<p>What is <span class="katex">w·x</span>?</p>'),
  hint: snippet('<p data-testid="hint">Multiply first.</p>'),
  solution: snippet('<p data-testid="solution">0.5 × 0.5 = 0.25</p>'),
};

const choice = {
  id: 'ch3-sigmoid-max',
  kind: 'choice' as const,
  choices: ['0.1', '0.25', '0.3', '1'],
  answer: 1,
  children: snippet('<p>What is the largest value of σ′?</p>'),
};

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

function feedback(): HTMLElement {
  return document.querySelector('.feedback') as HTMLElement;
}

describe('Exercise (numeric)', () => {
  test('renders the question from the default snippet and labels the section with it', () => {
    const { container } = render(Exercise, { props: numeric });
    const section = container.querySelector('section#exercise-ch2-sum')!;
    const question = document.getElementById(section.getAttribute('aria-labelledby')!)!;
    expect(question.textContent).toContain('What is w·x?');
    expect(feedback().getAttribute('aria-live')).toBe('polite');
  });

  test('a correct answer ("1/4") says so, marks the exercise solved and remembers it', async () => {
    render(Exercise, { props: numeric });
    await fireEvent.input(screen.getByLabelText('Your answer'), { target: { value: '1/4' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(feedback().textContent).toContain('Correct: the answer is 0.25 (anything within ±0.001 counts).');
    expect(screen.getByText('Solved')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).done).toEqual(['ch2-sum']);
  });

  test('a wrong answer is marked incorrect and not remembered', async () => {
    render(Exercise, { props: numeric });
    await fireEvent.input(screen.getByLabelText('Your answer'), { target: { value: '0.3' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(feedback().classList.contains('incorrect')).toBe(true);
    expect(feedback().textContent).toContain('Not quite: 0.3 is not the answer.');
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
    expect(screen.queryByText('Solved')).toBeNull();
  });

  test.each([
    ['', 'Type a number first'],
    ['abc', '"abc" is not a number'],
    ['0,25', 'point for decimals'],
  ])('the input %j is invalid: a clear message and aria-invalid on the field', async (value, message) => {
    render(Exercise, { props: numeric });
    const input = screen.getByLabelText('Your answer');
    await fireEvent.input(input, { target: { value } });
    await fireEvent.submit(input.closest('form')!);
    expect(feedback().classList.contains('invalid')).toBe(true);
    expect(feedback().textContent).toContain(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  test('typing again clears a wrong verdict', async () => {
    render(Exercise, { props: numeric });
    const input = screen.getByLabelText('Your answer');
    await fireEvent.input(input, { target: { value: '9' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(feedback().textContent).toContain('Not quite');
    await fireEvent.input(input, { target: { value: '0.2' } });
    expect(feedback().textContent!.trim()).toBe('');
  });

  test('the hint and the worked answer sit in closed disclosures that open on request', async () => {
    render(Exercise, { props: numeric });
    const hintSummary = screen.getByText('Show hint');
    const solutionSummary = screen.getByText('Show worked answer');
    const hintDetails = hintSummary.closest('details')!;
    expect(hintDetails.open).toBe(false);
    expect(hintDetails.contains(screen.getByTestId('hint'))).toBe(true);
    expect(solutionSummary.closest('details')!.contains(screen.getByTestId('solution'))).toBe(true);
    await fireEvent.click(hintSummary);
    expect(hintDetails.open).toBe(true);
    expect(solutionSummary.closest('details')!.open).toBe(false);
  });

  test('without hint and solution snippets no disclosures are shown', () => {
    render(Exercise, { props: { ...numeric, hint: undefined, solution: undefined } });
    expect(screen.queryByText('Show hint')).toBeNull();
    expect(screen.queryByText('Show worked answer')).toBeNull();
  });

  test('an exercise solved before (stored progress) shows as solved on load', () => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, done: ['ch2-sum'] }));
    render(Exercise, { props: numeric });
    expect(screen.getByText('Solved')).toBeTruthy();
  });

  test('the unit is shown and accepted after the number', async () => {
    render(Exercise, { props: { ...numeric, id: 'pct', answer: 75, tolerance: 0, unit: '%' } });
    expect(screen.getByText('%')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Your answer'), { target: { value: '75 %' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(feedback().classList.contains('correct')).toBe(true);
  });
});

describe('Exercise (choice)', () => {
  test('the choices form a radio group labelled by the question', () => {
    render(Exercise, { props: choice });
    const group = screen.getByRole('radiogroup');
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).toContain('largest value');
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.labels![0].textContent!.trim())).toEqual(['0.1', '0.25', '0.3', '1']);
    // One shared name: the browser moves between them with the arrow keys.
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
  });

  test('checking with nothing chosen asks for a choice', async () => {
    render(Exercise, { props: choice });
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(feedback().textContent).toContain('Choose one of the options first.');
  });

  test('a wrong choice is incorrect, the right one correct and remembered', async () => {
    render(Exercise, { props: choice });
    await fireEvent.click(screen.getByRole('radio', { name: '0.3' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(feedback().classList.contains('incorrect')).toBe(true);
    await fireEvent.click(screen.getByRole('radio', { name: '0.25' }));
    expect(feedback().textContent!.trim()).toBe('');
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(feedback().textContent).toContain('Correct!');
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).done).toEqual(['ch3-sigmoid-max']);
  });

  test('an unusable spec fails loudly, naming the exercise (a build error for authors)', () => {
    expect(() => render(Exercise, { props: { ...choice, answer: 7 } })).toThrow(/Exercise "ch3-sigmoid-max"/);
  });
});

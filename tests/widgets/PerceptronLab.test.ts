import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import PerceptronLab from '../../src/widgets/PerceptronLab/PerceptronLab.svelte';
import { LEARNING_RATES } from '../../src/widgets/PerceptronLab/model.svelte.ts';

function sums(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('table.truth .sum'), (el) => el.textContent ?? '');
}

describe('PerceptronLab view', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => cleanup());

  test('shows the live sums, the equation and the status from the model', () => {
    const { container } = render(PerceptronLab);
    expect(sums(container)).toEqual(['0.20', '0.50', '0.70', '1.00']);
    expect(container.querySelector('.eq')!.textContent).toBe('0.5·x₁ + 0.3·x₂ + 0.2 = 0');
    expect(screen.getByRole('status').textContent).toContain('AND: 3 of 4 points are on the wrong side');
    expect(screen.getByRole('button', { name: 'AND' }).getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('svg desc')!.textContent).toContain('Firing side (output 1): (0, 0), (0, 1), (1, 0), (1, 1).');
  });

  test('a slider and a typed field both set the weight; bad text shows a message', async () => {
    const { container } = render(PerceptronLab);
    const slider = screen.getByRole('slider', { name: 'w1, weight of input x1' });
    await fireEvent.input(slider, { target: { value: '-1' } });
    expect(container.querySelector('.eq')!.textContent).toBe('−1·x₁ + 0.3·x₂ + 0.2 = 0');
    const field = screen.getByRole('textbox', { name: 'b, bias, typed value' }) as HTMLInputElement;
    await fireEvent.focus(field);
    await fireEvent.input(field, { target: { value: 'abc' } });
    await fireEvent.blur(field);
    expect(field.value).toBe('0.2');
    expect(container.textContent).toContain('Type a number between −3 and 3. The previous value is kept.');
    expect(container.textContent).not.toMatch(/NaN/);
  });

  test('Step highlights the visited row; the XOR cap shows the explanation', async () => {
    const { container } = render(PerceptronLab);
    await fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const rows = container.querySelectorAll('table.truth tbody tr');
    expect(rows[0].classList.contains('current')).toBe(true);
    expect(container.querySelector('[data-testid="last-step"]')!.textContent).toContain('y − ŷ = −1');
    await fireEvent.click(screen.getByRole('button', { name: 'XOR' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Train to the end' }));
    expect(container.querySelector('[data-testid="xor-explanation"]')).not.toBeNull();
    expect((screen.getByRole('button', { name: 'Train to the end' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('NAND weights complete the challenge and record it in progress', async () => {
    const { container } = render(PerceptronLab, { initial: { w1: -1, w2: -1, b: 1.5 } });
    await tick();
    const verdict = container.querySelector('[data-challenge="ch2-nand"] .verdict')!;
    expect(verdict.getAttribute('data-done')).toBe('true');
    expect(JSON.parse(localStorage.getItem('nn-progress') ?? '{}').done).toContain('ch2-nand');
  });

  test('the learning-rate menu lists exactly the rates a link may carry', () => {
    render(PerceptronLab);
    const menu = screen.getByRole('combobox', { name: 'Learning rate η' }) as HTMLSelectElement;
    expect(Array.from(menu.options, (o) => Number(o.value))).toEqual([...LEARNING_RATES]);
    expect(menu.value).toBe('0.1');
  });

  test('after Reset, the next Step replaces "Back to the starting state." at once', async () => {
    render(PerceptronLab);
    await fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByRole('status').textContent).toBe('Back to the starting state.');
    await fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(screen.getByRole('status').textContent).toBe('Epoch 1: input (0, 0) gave 1, target 0. Wrong, so the weights move.');
    await fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(screen.getByRole('status').textContent).toBe('Epoch 1: input (0, 1) gave 1, target 0. Wrong, so the weights move.');
  });

  test('the table headers use the course notation: output ŷ, target y', () => {
    const { container } = render(PerceptronLab);
    const headers = Array.from(container.querySelectorAll('table.truth thead th'), (th) => th.textContent?.trim());
    expect(headers.slice(0, 4)).toEqual(['Input (x₁, x₂)', 'Sum z', 'Output ŷ', 'Target y']);
  });
});

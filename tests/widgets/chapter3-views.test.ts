import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
// jsdom has no canvas for the charts: the charts are replaced by a stub that shows their inputs.
vi.mock('../../src/components/charts/LineChart.svelte', async () => ({ default: (await import('./chapter3-line-chart-stub.svelte')).default }));

import ActivationExplorer from '../../src/widgets/ActivationExplorer/ActivationExplorer.svelte';
import LinearCollapse from '../../src/widgets/LinearCollapse/LinearCollapse.svelte';
import GradientFlow from '../../src/widgets/GradientFlow/GradientFlow.svelte';

describe('chapter 3 widget views', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => cleanup());

  test('ActivationExplorer: the cursor slider moves by keyboard and reads x, f and f′ aloud', async () => {
    const { container } = render(ActivationExplorer);
    const cursor = screen.getByRole('slider', { name: 'Cursor x' });
    expect(cursor.getAttribute('aria-valuenow')).toBe('1');
    expect(container.querySelector('table.readout caption')!.textContent).toBe('Values at the cursor, x = 1');
    for (let i = 0; i < 10; i++) await fireEvent.keyDown(cursor, { key: 'ArrowLeft' });
    expect(cursor.getAttribute('aria-valuenow')).toBe('0');
    expect(cursor.getAttribute('aria-valuetext')).toContain('Sigmoid: f = 0.5, f′ = 0.25');
    await fireEvent.keyDown(cursor, { key: 'End' });
    expect(cursor.getAttribute('aria-valuenow')).toBe('5');
    await fireEvent.keyDown(cursor, { key: 'PageDown' });
    expect(cursor.getAttribute('aria-valuenow')).toBe('4');
    const charts = () => Array.from(container.querySelectorAll('canvas'));
    expect(charts()[0].getAttribute('data-cursor')).toBe('4');
    expect(charts()[1].getAttribute('data-markers')).toBe('Sigmoid′ max 0.25|tanh′ max 1');
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Softplus' }));
    expect(container.querySelector('tr[data-fn="softplus"] .peak')!.textContent).toBe('below 1, approaching 1 as x grows');
    expect(charts()[0].getAttribute('data-labels')).toBe('Sigmoid|tanh|ReLU|Softplus');
    expect(container.textContent).not.toMatch(/NaN/);
  });

  test('ActivationExplorer: a bad range is refused with a message; the last function cannot be removed', async () => {
    const { container } = render(ActivationExplorer, { initial: { fns: ['tanh'] } });
    const field = screen.getByRole('textbox', { name: 'Half-width R of the x range, typed value' }) as HTMLInputElement;
    await fireEvent.focus(field);
    await fireEvent.input(field, { target: { value: 'abc' } });
    await fireEvent.blur(field);
    expect(field.value).toBe('5');
    expect(container.textContent).toContain('Type a number from 1 to 20. The range stays ±5.');
    await fireEvent.click(screen.getByRole('checkbox', { name: 'tanh' }));
    expect((screen.getByRole('checkbox', { name: 'tanh' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('At least one function stays on the charts.');
  });

  test('LinearCollapse: the depth slider and the activation buttons change the readouts', async () => {
    const { container } = render(LinearCollapse);
    const equation = () => container.querySelector('[data-testid="collapse-equation"]')!.textContent;
    expect(equation()).toBe('ŷ = 1.249·x − 0.3065');
    await fireEvent.input(screen.getByRole('slider', { name: 'Layers' }), { target: { value: '1' } });
    expect(container.querySelector('[data-testid="collapse-bend"]')!.textContent).toContain('With one layer there is no place');
    await fireEvent.input(screen.getByRole('slider', { name: 'Layers' }), { target: { value: '4' } });
    await fireEvent.click(screen.getByRole('button', { name: 'ReLU' }));
    expect(screen.getByRole('button', { name: 'ReLU' }).getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('[data-testid="collapse-bend"]')!.textContent).toMatch(/ReLU/);
  });

  test('GradientFlow: Step trains one step of every network and the table follows', async () => {
    const { container } = render(GradientFlow, { initial: { depth: 3, width: 4 } });
    expect(container.querySelector('[data-testid="flow-step"]')!.textContent).toBe('0');
    const losses = () => container.querySelectorAll('canvas')[1].getAttribute('data-last');
    const before = losses();
    await fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(container.querySelector('[data-testid="flow-step"]')!.textContent).toBe('1');
    await fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(container.querySelector('[data-testid="flow-step"]')!.textContent).toBe('2');
    expect(losses()).not.toBe(before);
    expect(container.querySelector('table.flow caption')!.textContent).toBe('At step 2');
    expect(container.querySelectorAll('table.flow tbody tr')).toHaveLength(6);
    expect(container.textContent).not.toMatch(/NaN|undefined/);
  });
});

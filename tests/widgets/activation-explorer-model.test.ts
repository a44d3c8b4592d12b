import { describe, expect, test } from 'vitest';
import { activation, activationCurve } from '../../src/engine/index.ts';
import {
  ActivationExplorerModel,
  DEFAULT_STATE,
  EXPLORER_FUNCTIONS,
  cursorStep,
  explorerStateSchema,
  snap,
} from '../../src/widgets/ActivationExplorer/model.svelte.ts';

describe('ActivationExplorerModel', () => {
  test('the first view: sigmoid, tanh and ReLU on [−5, 5], cursor at 1, curves from the engine', () => {
    const m = new ActivationExplorerModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.fSeries.map((s) => s.label)).toEqual(['Sigmoid', 'tanh', 'ReLU']);
    const curve = activationCurve('tanh', -5, 5, 401);
    expect(m.dfSeries[1].points.map((p) => p.y)).toEqual(Array.from(curve.df));
    expect(m.fSeries[0].points[200]).toEqual({ x: 0, y: 0.5 });
  });

  test('the peaks are marked with their values, and said in words where there is no single peak', () => {
    const m = new ActivationExplorerModel({ fns: ['step', 'sigmoid', 'tanh', 'relu', 'elu', 'gelu', 'softplus'] });
    expect(m.peakMarkers.map((p) => [p.label, p.x, p.y])).toEqual([
      ['Sigmoid′ max 0.25', 0, 0.25],
      ['tanh′ max 1', 0, 1],
      ['GELU′ max 1.129', m.peakMarkers[2].x, m.peakMarkers[2].y],
    ]);
    expect(m.peakMarkers[2].x).toBeCloseTo(Math.SQRT2, 6);
    const peak = Object.fromEntries(m.readouts.map((r) => [r.fn, r.peak]));
    expect(peak).toEqual({
      step: '0 wherever it exists; no f′ at 0',
      sigmoid: '0.25 at x = 0',
      tanh: '1 at x = 0',
      relu: '1 for every x > 0; no f′ at 0',
      elu: '1 for every x ≥ 0',
      gelu: '1.129 at x = 1.414',
      softplus: 'below 1, approaching 1 as x grows',
    });
    expect(m.status).toContain('Sigmoid 0.25 at x = 0');
  });

  test('the readout at the cursor: f and f′ from the engine; at 0 ReLU and step have no derivative', () => {
    const m = new ActivationExplorerModel({ fns: ['step', 'sigmoid', 'relu', 'leaky_relu'], x: 0 });
    const at0 = Object.fromEntries(m.readouts.map((r) => [r.fn, [r.f, r.df]]));
    expect(at0).toEqual({
      step: ['0', 'none: f jumps from 0 to 1 here'],
      sigmoid: ['0.5', '0.25'],
      relu: ['0', 'none: a corner, slope 0 on the left and 1 on the right'],
      leaky_relu: ['0', 'none: a corner, slope 0.01 on the left and 1 on the right'],
    });
    m.setCursor(-2);
    const sig = m.readouts.find((r) => r.fn === 'sigmoid')!;
    expect(sig.f).toBe('0.1192');
    expect(sig.df).toBe(String(Number(activation('sigmoid').df(-2).toPrecision(4))));
    expect(m.valueText).toBe(
      'x = −2. Step: f = 0, f′ = 0; Sigmoid: f = 0.1192, f′ = 0.105; ReLU: f = 0, f′ = 0; Leaky ReLU: f = −0.02, f′ = 0.01',
    );
  });

  test('the cursor snaps to the keyboard step, reaches 0 exactly, and stays in range', () => {
    expect(cursorStep(5)).toBe(0.1);
    expect(cursorStep(1)).toBe(0.02);
    expect(cursorStep(20)).toBe(0.5);
    expect(snap(0.30000000000000004, 0.1, 5)).toBe(0.3);
    const m = new ActivationExplorerModel({ x: 1 });
    for (let i = 0; i < 10; i++) m.nudge(-1);
    expect(m.x).toBe(0);
    m.nudge(-10);
    expect(m.x).toBe(-1);
    m.setCursor(99);
    expect(m.x).toBe(5);
    m.setCursor(Number.NaN);
    expect(m.x).toBe(5);
  });

  test('setRange: clamps 1e6 to 20 and refuses text that is not a number, with a message each time', () => {
    const m = new ActivationExplorerModel();
    m.setRange('1e6');
    expect(m.range).toBe(20);
    expect(m.rangeMessage).toEqual({ kind: 'clamped', text: 'Outside 1 to 20, so it was set to 20.' });
    m.setRange('');
    expect(m.range).toBe(20);
    expect(m.rangeMessage?.kind).toBe('invalid');
    expect(m.rangeMessage?.text).toBe('Type a number from 1 to 20. The range stays ±20.');
    m.setRange('NaN');
    expect(m.rangeMessage?.kind).toBe('invalid');
    m.setRange('2.5');
    expect(m.range).toBe(2.5);
    expect(m.rangeMessage).toBeNull();
    expect(m.x).toBe(1);
    m.setRange('0.5');
    expect(m.range).toBe(1);
    // the cursor followed the range in
    m.setRange(2);
    m.setCursor(2);
    m.setRange(1);
    expect(m.x).toBe(1);
    // half-typed text while typing changes nothing
    m.setRange('-', true);
    expect(m.rangeMessage).toBeNull();
  });

  test('toggle keeps the canonical order and at least one function', () => {
    const m = new ActivationExplorerModel({ fns: ['relu'] });
    m.toggle('step');
    m.toggle('gelu');
    expect(m.selected).toEqual(['step', 'relu', 'gelu']);
    m.toggle('step');
    m.toggle('gelu');
    m.toggle('relu');
    expect(m.selected).toEqual(['relu']);
    expect(m.status).toBe('At least one function stays on the charts.');
  });

  test('the state schema refuses bad links; toState/fromState round-trip', () => {
    expect(explorerStateSchema.safeParse({ fns: [], range: 5, x: 0 }).success).toBe(false);
    expect(explorerStateSchema.safeParse({ fns: ['swish'], range: 5, x: 0 }).success).toBe(false);
    expect(explorerStateSchema.safeParse({ fns: ['relu', 'relu'], range: 5, x: 0 }).success).toBe(false);
    expect(explorerStateSchema.safeParse({ fns: ['relu'], range: 1e6, x: 0 }).success).toBe(false);
    const m = new ActivationExplorerModel();
    m.fromState({ fns: ['gelu', 'elu'], range: 3, x: 2.7 });
    expect(m.toState()).toEqual({ fns: ['elu', 'gelu'], range: 3, x: 2.7 });
    m.fromState({ fns: ['elu'], range: 2, x: 15 });
    expect(m.x).toBe(2);
    expect(() => m.fromState({ fns: [], range: 2, x: 0 })).toThrow();
  });

  test('csv(): x, then f and f′ of each function, one row per sample', () => {
    const m = new ActivationExplorerModel({ fns: ['sigmoid', 'relu'] });
    const lines = m.csv().trim().split('\r\n');
    expect(lines[0]).toBe('x,sigmoid,sigmoid_derivative,relu,relu_derivative');
    expect(lines).toHaveLength(402);
    expect(lines[201]).toBe('0,0.5,0.25,0,0');
    expect(EXPLORER_FUNCTIONS).toHaveLength(8);
  });
});

import { describe, expect, test } from 'vitest';
import { stackCurves } from '../../src/engine/index.ts';
import {
  DEFAULT_STATE,
  LinearCollapseModel,
  collapseStateSchema,
  lineEquation,
  subscript,
} from '../../src/widgets/LinearCollapse/model.svelte.ts';

describe('LinearCollapseModel', () => {
  test('the first view: 3 layers of one unit with tanh; the slope is the product of the three weights', () => {
    const m = new LinearCollapseModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    const c = stackCurves({ depth: 3, width: 1, activation: 'tanh', seed: 1 }, -3, 3);
    expect(m.curves.slope).toBe(c.slope);
    expect(m.equation).toBe(lineEquation(c.slope, c.intercept));
    expect(m.equation).toBe('y = 1.249·x − 0.3065');
    expect(m.slopeText).toBe('Slope a = w₃ · w₂ · w₁ = 1.321 × 1.568 × 0.6027 = 1.249: the product of the weights.');
    expect(m.bendText).toMatch(/^With tanh between the layers the same weights give a curve that strays up to 0\.4\d+ from the nearest straight line\.$/);
    expect(m.series.map((s) => s.label)).toEqual(['No activation (3 layers)', 'One layer y = a·x + b', 'With tanh between layers']);
    // the linear stack and the single layer coincide point by point, to rounding
    m.series[0].points.forEach((p, i) => expect(p.y).toBeCloseTo(m.series[1].points[i].y, 13));
  });

  test('wider stacks name the matrix product; one layer has nowhere to bend', () => {
    const m = new LinearCollapseModel({ width: 3, depth: 4 });
    expect(m.slopeText).toMatch(/^Slope a = W₄·…·W₁ = /);
    m.setDepth(1);
    expect(m.bendText).toBe('With one layer there is no place between layers for an activation, so both curves are the same line.');
    expect(m.slopeText).toMatch(/^With a single layer the slope is its one weight/);
  });

  test('a deep sigmoid stack barely bends, and the widget says so', () => {
    const m = new LinearCollapseModel({ depth: 6, width: 1, activation: 'sigmoid', seed: 1 });
    expect(m.curves.bend).toBeLessThan(0.01);
    expect(m.bendText).toMatch(/barely bends/);
  });

  test('controls ignore values outside their ranges; reseed moves to the next seed', () => {
    const m = new LinearCollapseModel();
    m.setDepth(0);
    m.setDepth(9);
    m.setWidth(5);
    m.setActivation('gelu');
    expect(m.toState()).toEqual(DEFAULT_STATE);
    const before = m.equation;
    m.reseed();
    expect(m.seed).toBe(2);
    expect(m.equation).not.toBe(before);
    m.setActivation('relu');
    m.setDepth(5);
    m.setWidth(2);
    expect(m.toState()).toEqual({ depth: 5, width: 2, activation: 'relu', seed: 2 });
  });

  test('the schema caps depth, width and seed; fromState round-trips', () => {
    expect(collapseStateSchema.safeParse({ ...DEFAULT_STATE, depth: 9 }).success).toBe(false);
    expect(collapseStateSchema.safeParse({ ...DEFAULT_STATE, width: 0 }).success).toBe(false);
    expect(collapseStateSchema.safeParse({ ...DEFAULT_STATE, seed: -1 }).success).toBe(false);
    expect(collapseStateSchema.safeParse({ ...DEFAULT_STATE, activation: 'linear' }).success).toBe(false);
    const m = new LinearCollapseModel();
    m.fromState({ depth: 2, width: 4, activation: 'sigmoid', seed: 77 });
    expect(m.toState()).toEqual({ depth: 2, width: 4, activation: 'sigmoid', seed: 77 });
  });

  test('csv() and the helpers', () => {
    const m = new LinearCollapseModel();
    const lines = m.csv().trim().split('\r\n');
    expect(lines[0]).toBe('x,linear_stack,single_layer,with_tanh');
    expect(lines).toHaveLength(242);
    expect(subscript(12)).toBe('₁₂');
    expect(lineEquation(-0.5, 0)).toBe('y = −0.5·x + 0');
  });
});

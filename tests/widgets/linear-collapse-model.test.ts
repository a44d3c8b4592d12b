import { describe, expect, test } from 'vitest';
import { stackCurves } from '../../src/engine/index.ts';
import {
  DEFAULT_STATE,
  LinearCollapseModel,
  collapseStateSchema,
  lineEquation,
  layerIndex,
  productText,
} from '../../src/widgets/LinearCollapse/model.svelte.ts';

describe('LinearCollapseModel', () => {
  test('the first view: 3 layers of one unit with tanh; the slope is the product of the three weights', () => {
    const m = new LinearCollapseModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    const c = stackCurves({ depth: 3, width: 1, activation: 'tanh', seed: 1 }, -3, 3);
    expect(m.curves.slope).toBe(c.slope);
    expect(m.equation).toBe(lineEquation(c.slope, c.intercept));
    expect(m.equation).toBe('ŷ = 1.249·x − 0.3065');
    // five digits, so the printed factors multiply out to the printed slope
    expect(m.slopeText).toBe('Slope w = w⁽³⁾ · w⁽²⁾ · w⁽¹⁾ = 1.3207 × 1.5684 × 0.60274 = 1.2485: the product of the weights.');
    expect(Number((1.3207 * 1.5684 * 0.60274).toPrecision(5))).toBe(1.2485);
    expect(m.bendText).toBe(
      'With tanh between the layers the same weights give a curve that no straight line can follow: even the closest one (the line whose largest gap is smallest) is 0.4009 away from it somewhere.',
    );
    expect(m.status).toBe('Without activations, 3 layers equal one: ŷ = 1.249·x − 0.3065. With tanh, even the closest straight line is 0.4009 from the curve somewhere.');
    expect(m.series.map((s) => s.label)).toEqual(['No activation (3 layers)', 'One layer ŷ = w·x + b', 'With tanh between layers']);
    // the linear stack and the single layer coincide point by point, to rounding
    m.series[0].points.forEach((p, i) => expect(p.y).toBeCloseTo(m.series[1].points[i].y, 13));
  });

  test('wider stacks name the matrix product; one layer has nowhere to bend', () => {
    const m = new LinearCollapseModel({ width: 3, depth: 4 });
    expect(m.slopeText).toMatch(/^Slope w = W⁽⁴⁾·…·W⁽¹⁾ = /);
    m.setDepth(1);
    // one layer, in the singular
    expect(m.depthText).toBe('1 layer');
    expect(m.status).toBe(`One layer: ${m.equation}. With a single layer there is no place between layers for an activation.`);
    expect(m.series[0].label).toBe('No activation (1 layer)');
    expect(m.summary).not.toMatch(/1 layers/);
    expect(m.bendText).toBe('With one layer there is no place between layers for an activation, so both curves are the same line.');
    expect(m.slopeText).toMatch(/^With a single layer the slope is its one weight/);
  });

  test('a deep sigmoid stack barely bends, and the widget says so', () => {
    const m = new LinearCollapseModel({ depth: 6, width: 1, activation: 'sigmoid', seed: 1 });
    expect(m.curves.bend).toBeLessThan(0.01);
    expect(m.bendText).toMatch(/barely bends/);
  });

  test('a ReLU stack that does not bend says exactly why, never "at most 0"', () => {
    // seed 3: the one ReLU unit is off for every x in [−3, 3], so the output is constant
    const dead = new LinearCollapseModel({ depth: 3, width: 1, activation: 'relu', seed: 3 });
    expect(dead.curves.bend).toBeLessThan(1e-9);
    expect(dead.curves.flat).toBe(true);
    expect(dead.bendText).toBe(
      'With ReLU and these weights the output is the same for every x: one unit is off (outputs 0) for every x between −3 and 3, so everything after it sees a constant. Try new weights.',
    );
    expect(dead.status).toMatch(/With ReLU and these weights the curve is straight as well\.$/);
    for (const m of [dead, new LinearCollapseModel({ depth: 4, width: 1, activation: 'relu', seed: 9 })]) {
      expect(m.bendText).not.toMatch(/at most 0|barely/);
    }
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
    expect(layerIndex(12)).toBe('⁽¹²⁾');
    expect(lineEquation(-0.5, 0)).toBe('ŷ = −0.5·x + 0');
    // a product whose rounded factors do not multiply out to the rounded result says ≈
    expect(productText([1.00004, 1.00004, 1.00004, 1.00004], 1.00016)).toEqual({ values: '1 × 1 × 1 × 1', eq: '≈', a: '1.0002' });
    expect(productText([2, -0.5], -1)).toEqual({ values: '(−0.5) × 2', eq: '=', a: '−1' });
  });
});

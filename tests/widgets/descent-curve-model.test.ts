import { afterEach, describe, expect, test, vi } from 'vitest';
import { curve, descend, quadraticRegime } from '../../src/engine/index.ts';
import { DEFAULT_STATE, DescentModel, LR_CHOICES, LR_RANGE, MAX_STEPS, descentStateSchema } from '../../src/widgets/DescentCurve/model.svelte.ts';

/** Every number-bearing string and value the view shows, joined, to search for NaN. */
function shown(m: DescentModel): string {
  return [m.status, m.signText, m.regimeText, m.regimeName, m.w, m.loss, m.slope, m.move, m.lossRange.join(' '), m.samples.map((s) => s.l).join(' ')].join(' ');
}

afterEach(() => vi.useRealTimers());

describe('DescentModel', () => {
  test('starts at the default state: quadratic, η = 0.25, w₀ = −2.5, converging', () => {
    const m = new DescentModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.thresholds).toMatchObject({ c: 2, one: 0.5, two: 1, regime: 'converge', factor: 0.5 });
    expect(m.slope).toBe(-7);
    expect(m.move).toBe(1.75);
    expect(m.signText).toContain('moves w right, from −2.500 to −0.750');
    expect(m.status).toBe('Step 0: w = −2.500, L(w) = 12.2500 (converge).');
  });

  test.each([
    [0.02, 'crawl'],
    [0.25, 'converge'],
    [0.5, 'one-step'],
    [0.75, 'oscillate'],
    [1, 'bounce'],
    [1.05, 'diverge'],
    [1.5, 'diverge'],
  ] as const)('setLr(%s) on the quadratic gives the regime %s, as quadraticRegime says', (lr, regime) => {
    const m = new DescentModel();
    expect(m.setLr(lr)).toBe(true);
    expect(m.thresholds.regime).toBe(regime);
    expect(m.thresholds.factor).toBe(quadraticRegime(lr, 2).factor);
  });

  test('past 2/c the run diverges and stops, and nothing the view shows is NaN or Infinity', () => {
    const m = new DescentModel();
    m.setLr(1.5);
    for (let i = 0; i < MAX_STEPS; i++) m.step();
    expect(m.diverged).toBe(true);
    expect(m.path.taken).toBeLessThan(MAX_STEPS);
    expect(m.status).toBe(`Diverged: after ${m.path.taken} steps w ran off past a million, so the run stopped.`);
    expect(m.signText).toBe('The ball has left the picture: each step landed further out, so the run was stopped.');
    expect(shown(m)).not.toMatch(/NaN|Infinity/);
    expect(m.csv()).not.toMatch(/NaN|Infinity/);
    // Step is refused once diverged
    const steps = m.steps;
    m.step();
    expect(m.steps).toBe(steps);
  });

  test('on the double well at the largest η the run diverges too, without NaN', () => {
    const m = new DescentModel({ curve: 'double-well', lr: 2, w0: 2.5 });
    expect(m.toState()).toMatchObject({ curve: 'double-well', lr: 2, w0: 2.5 });
    for (let i = 0; i < 20; i++) m.step();
    expect(m.diverged).toBe(true);
    expect(shown(m)).not.toMatch(/NaN|Infinity/);
  });

  test('the ball follows the engine: after 3 steps at η = 0.75, w is descend()’s w₃', () => {
    const m = new DescentModel({ lr: 0.75 });
    for (let i = 0; i < 3; i++) m.step();
    const path = descend(curve('quadratic'), -2.5, 0.75, 3);
    expect(m.w).toBe(path.w[3]);
    expect(m.loss).toBe(path.loss[3]);
  });

  test.each([0, -0.1, 1e6, 2.0001, 0.0009, Number.NaN, Infinity])('setLr(%s) is refused: η stays and the message names the range', (bad) => {
    const m = new DescentModel();
    m.step();
    expect(m.setLr(bad)).toBe(false);
    expect(m.lr).toBe(0.25);
    expect(m.steps).toBe(1);
    expect(m.lrError).toBe(`η must be a number from ${LR_RANGE[0]} to ${LR_RANGE[1]}; kept η = 0.250.`);
    expect(descentStateSchema.shape.lr.safeParse(bad).success).toBe(false);
  });

  test('typeLr: empty or non-numeric text gives the message on commit, nothing while typing; a valid value clears it', () => {
    const m = new DescentModel();
    m.typeLr('', true);
    expect(m.lrError).toBe('');
    for (const raw of ['', 'abc', '1e6', '0']) {
      m.typeLr(raw);
      expect(m.lrError).toMatch(/^η must be a number from 0\.001 to 2/);
      expect(m.lr).toBe(0.25);
    }
    m.typeLr('0.75');
    expect(m.lrError).toBe('');
    expect(m.lr).toBe(0.75);
  });

  test('the slider offers only rates the share schema accepts, and setLrIndex ignores positions off the end', () => {
    for (const lr of LR_CHOICES) expect(descentStateSchema.shape.lr.safeParse(lr).success).toBe(true);
    const m = new DescentModel();
    m.setLrIndex(LR_CHOICES.indexOf(1.2));
    expect(m.lr).toBe(1.2);
    expect(m.lrIndex).toBe(LR_CHOICES.indexOf(1.2));
    m.setLrIndex(LR_CHOICES.length);
    m.setLrIndex(-1);
    expect(m.lr).toBe(1.2);
  });

  test('setCurve and setStart refuse unknown curves and starts outside the picture', () => {
    const m = new DescentModel();
    m.setCurve('cubic');
    expect(m.curveName).toBe('quadratic');
    for (const w of [-3.1, 5.1, Number.NaN]) m.setStart(w);
    expect(m.w0).toBe(-2.5);
    m.setCurve('double-well');
    expect(m.toState()).toEqual({ curve: 'double-well', lr: 0.25, w0: 2.2, steps: 0 });
    m.setStart(3);
    expect(m.w0).toBe(2.2);
    m.setStart(-1.04);
    expect(m.w0).toBe(-1);
    expect(descentStateSchema.safeParse(m.toState()).success).toBe(true);
  });

  test('toState / fromState round-trip, and fromState refuses what links must not carry', () => {
    const a = new DescentModel();
    a.setCurve('double-well');
    a.setLr(0.35);
    a.setStart(-0.5);
    for (let i = 0; i < 7; i++) a.step();
    const state = a.toState();
    expect(state).toEqual({ curve: 'double-well', lr: 0.35, w0: -0.5, steps: 7 });
    const b = new DescentModel();
    b.fromState(structuredClone(state));
    expect(b.toState()).toEqual(state);
    expect(b.w).toBe(a.w);
    expect(b.status).toBe(a.status);
    expect(() => b.fromState({ ...state, lr: 0 })).toThrow();
    expect(() => b.fromState({ ...state, steps: MAX_STEPS + 1 })).toThrow();
    expect(() => b.fromState({ ...state, w0: 4 })).toThrow(/start outside the curve/);
    expect(() => b.fromState({ ...state, extra: 1 } as never)).toThrow();
    expect(b.toState()).toEqual(state);
  });

  test('a bad initial state falls back to the default', () => {
    expect(new DescentModel({ lr: 1e6 }).toState()).toEqual(DEFAULT_STATE);
  });

  test('run() steps on a timer and stops by itself once the slope is flat at η = 1/c', () => {
    vi.useFakeTimers();
    const m = new DescentModel({ lr: 0.5 });
    m.run();
    expect(m.running).toBe(true);
    vi.advanceTimersByTime(2000);
    expect(m.running).toBe(false);
    expect(m.steps).toBe(1);
    expect(m.w).toBe(1);
    expect(m.signText).toBe('L′(w) = 0.0000: flat, so the step is 0 and w stays where it is.');
    m.destroy();
  });
});

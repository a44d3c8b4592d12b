import { describe, expect, test } from 'vitest';
import { momentumRate, race, surface } from '../../src/engine/index.ts';
import { DEFAULT_STATE, VALLEY_BETA, VALLEY_LR, VALLEY_STEPS, ValleyModel, valleyStateSchema } from '../../src/widgets/MomentumValley/model.svelte.ts';

const row = (m: ValleyModel, i: number) => m.rows[i];

describe('ValleyModel', () => {
  test('at η = 0.04, μ = 0.9 both directions shrink by 0.949 a step, slower than plain GD’s 0.92', () => {
    const m = new ValleyModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(row(m, 0).gd).toBeCloseTo(0.92, 14);
    expect(row(m, 1).gd).toBeCloseTo(0.2, 14);
    expect(row(m, 0).mom).toBeCloseTo(Math.sqrt(0.9), 12);
    expect(row(m, 1).mom).toBeCloseTo(Math.sqrt(0.9), 12);
    expect(m.status).toBe('η = 0.04, μ = 0.9: the slower direction shrinks by 0.949 a step (263 steps to a millionth); plain GD: 0.920 (166).');
  });

  test('setBeta(0.52) gives 0.721 in both directions and 43 steps, as the lesson says', () => {
    const m = new ValleyModel();
    m.setBeta(0.52);
    expect(m.beta).toBe(0.52);
    expect(row(m, 0).mom.toFixed(3)).toBe('0.721');
    expect(row(m, 1).mom.toFixed(3)).toBe('0.721');
    expect(row(m, 0).best.toFixed(3)).toBe('0.514');
    expect(m.status).toContain('shrinks by 0.721 a step (43 steps to a millionth)');
  });

  test('the best μ of a direction is where its factor is smallest, also when ηλ is past 1', () => {
    for (const lr of [0.04, 0.06, 0.095]) {
      const m = new ValleyModel();
      m.setLrIndex(VALLEY_LR.indexOf(lr as never));
      for (const [i, c] of [2, 20].entries()) {
        const best = row(m, i).best;
        const atBest = momentumRate(lr, best, c);
        for (const mu of VALLEY_BETA) expect(momentumRate(lr, mu, c)).toBeGreaterThanOrEqual(atBest - 1e-12);
        // a double root there, so the eigenvalue is only known to about √ε
        expect(atBest).toBeCloseTo(Math.abs(1 - Math.sqrt(lr * c)), 7);
      }
    }
  });

  test('the paths are the engine’s heavy ball and plain GD on the bowl, and no number is NaN', () => {
    const m = new ValleyModel();
    m.setLrIndex(VALLEY_LR.length - 1);
    m.setBeta(0.99);
    const bowl = surface('bowl');
    const [mom, gd] = race(bowl, [{ spec: { kind: 'momentum', lr: 0.095, momentum: 0.99 } }, { spec: { kind: 'sgd', lr: 0.095 } }], bowl.start, { steps: VALLEY_STEPS });
    expect(m.lanes[0].path).toEqual(mom.path);
    expect(m.lanes[1].path).toEqual(gd.path);
    const text = [m.status, ...m.paths.map((p) => p.points), ...m.rows.flatMap((r) => [r.gd, r.mom, r.best])].join(' ');
    expect(text).not.toMatch(/NaN|Infinity/);
    for (const s of m.series) {
      expect(s.points).toHaveLength(VALLEY_STEPS + 1);
      for (const p of s.points) expect(Number.isFinite(p.y) && p.y > 0).toBe(true);
    }
  });

  test('setters refuse values the share schema refuses', () => {
    const m = new ValleyModel();
    for (const bad of [1, 1.5, -0.01, Number.NaN, Infinity]) m.setBeta(bad);
    m.setLrIndex(VALLEY_LR.length);
    m.setLrIndex(-1);
    m.setLrIndex(0.5);
    expect(m.toState()).toEqual(DEFAULT_STATE);
    // a slider value between steps is rounded to the 0.01 grid the links use
    m.setBeta(0.523);
    expect(m.beta).toBe(0.52);
    expect(valleyStateSchema.safeParse(m.toState()).success).toBe(true);
    for (const beta of VALLEY_BETA) {
      m.setBeta(beta);
      expect(valleyStateSchema.safeParse(m.toState()).success).toBe(true);
    }
  });

  test('toState / fromState round-trip; fromState refuses rates the slider does not offer', () => {
    const a = new ValleyModel();
    a.setLrIndex(VALLEY_LR.indexOf(0.07));
    a.setBeta(0.33);
    const state = a.toState();
    expect(state).toEqual({ lr: 0.07, beta: 0.33 });
    const b = new ValleyModel();
    b.fromState(JSON.parse(JSON.stringify(state)));
    expect(b.toState()).toEqual(state);
    expect(b.status).toBe(a.status);
    expect(b.paths).toEqual(a.paths);
    for (const bad of [{ lr: 0.045, beta: 0.3 }, { lr: 0.04, beta: 0.999 }, { lr: 0.04, beta: 0.3, x: 1 }, { lr: 0.04 }]) {
      expect(() => b.fromState(bad as never)).toThrow();
    }
    expect(b.toState()).toEqual(state);
    b.reset();
    expect(b.toState()).toEqual(DEFAULT_STATE);
  });
});

import { describe, expect, test } from 'vitest';
import { backpropSteps, createMLP, evaluateStep } from '../../src/engine/index.ts';
import { formatNumber, printStep, symbolText } from '../../src/widgets/BackpropStepper/format.ts';
import { graphLayout } from '../../src/widgets/BackpropStepper/layout.ts';
import { HIDDEN, LOSSES, PRESETS, PRESET_STATES, sizesOf } from '../../src/widgets/BackpropStepper/presets.ts';

describe('formatNumber', () => {
  test.each([
    [0.59868766, '0.5987'],
    [-0.44966766, '\u22120.4497'],
    [-0, '0'],
    [-1e-20, '\u22121e\u221220'],
    [0.55, '0.55'],
    [0.0009757840, '0.0009758'],
    [3.2e-7, '3.2e\u22127'],
    [Number.NaN, '–'],
  ])('formatNumber(%d) → %s', (value, text) => expect(formatNumber(value)).toBe(text));
});

describe('printStep', () => {
  test.each(PRESETS.flatMap((p) => HIDDEN.flatMap((h) => LOSSES.map((l) => [p, h, l] as const))))(
    'printStep(%s, %s, %s): every printed step checks at the digits shown',
    (preset, hidden, loss) => {
      const s = PRESET_STATES[preset];
      const sizes = sizesOf(s.arch);
      const net = createMLP({ sizes, hidden, output: 'sigmoid' });
      net.params.set(s.params);
      const pass = backpropSteps(net, s.x, s.y, loss, { lr: s.lr });
      for (const step of pass.steps) {
        const activation = (step.out.l ?? 0) === sizes.length - 1 ? 'sigmoid' : hidden;
        const printed = printStep(step, { activation, loss }, sizes[2]);
        expect(printed.checks).toBe(true);
        const redone = evaluateStep(step, printed.terms.map((t) => Number(t.replace(/\u2212/g, '-'))), { activation, loss }, sizes[2]);
        expect(formatNumber(redone)).toBe(printed.result);
        expect(printed.result).toBe(formatNumber(step.value));
      }
    },
  );
});

describe('symbolText', () => {
  test('symbolText writes the course notation, units from 1, one-unit layers without j', () => {
    expect(symbolText({ q: 'w', l: 1, j: 0, k: 1 }, [2, 2, 1])).toBe('w⁽¹⁾₁₂');
    expect(symbolText({ q: 'b', l: 2, j: 0 }, [2, 2, 1])).toBe('b⁽²⁾');
    expect(symbolText({ q: 'b', l: 2, j: 1 }, [2, 2, 2])).toBe('b⁽²⁾₂');
    expect(symbolText({ q: 'a', l: 2, j: 0 }, [2, 2, 1])).toBe('ŷ');
    expect(symbolText({ q: 'dA', l: 1, j: 1 }, [2, 2, 1])).toBe('∂L/∂a⁽¹⁾₂');
    expect(symbolText({ q: 'df', l: 2, j: 0 }, [2, 2, 1], 'σ')).toBe('σ′(z⁽²⁾)');
    expect(symbolText({ q: 'gw', l: 2, j: 0, k: 0 }, [2, 2, 1])).toBe('∂L/∂w⁽²⁾₁₁');
  });
});

describe('graphLayout', () => {
  test('graphLayout([2, 2, 1]): four columns left to right, nine edges with labels on their edges, no overlapping boxes', () => {
    const g = graphLayout([2, 2, 1]);
    expect(g.nodes.map((n) => n.id)).toEqual(['x0', 'x1', 'u1-0', 'u1-1', 'u2-0', 'loss']);
    expect(g.edges).toHaveLength(6);
    const xs = [...new Set(g.nodes.map((n) => n.x))];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const n of g.nodes) {
      expect(n.x - n.w / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w / 2).toBeLessThanOrEqual(g.width);
      expect(n.y - n.h / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.h / 2 + 34).toBeLessThanOrEqual(g.height); // room for the bias label below
    }
    for (const a of g.nodes) for (const b of g.nodes) {
      if (a === b) continue;
      const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2;
      expect(apart).toBe(true);
    }
    for (const e of g.edges) {
      const t = (e.labelX - e.x1) / (e.x2 - e.x1);
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThan(1);
      expect(e.labelY).toBeCloseTo(e.y1 + t * (e.y2 - e.y1), 9);
    }
  });
  test.each([[[2, 2, 1]], [[2, 2, 2]]])('graphLayout(%j): edge labels never meet each other or a box', (sizes) => {
    const g = graphLayout(sizes);
    const labels = g.edges.map((e) => [e.labelX, e.labelY]);
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      expect(Math.abs(labels[i][0] - labels[j][0]) >= 80 || Math.abs(labels[i][1] - labels[j][1]) >= 48).toBe(true);
    }
    for (const [x, y] of labels) for (const n of g.nodes) {
      expect(Math.abs(x - n.x) >= 40 + n.w / 2 || Math.abs(y - n.y) >= 24 + n.h / 2).toBe(true);
    }
  });
  test('graphLayout([2, 2, 2]) has 8 edges and separates the labels of crossing edges', () => {
    const g = graphLayout([2, 2, 2]);
    expect(g.edges).toHaveLength(8);
    const labels = g.edges.map((e) => [e.labelX, e.labelY]);
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
      // label pills are 80 × 48 at most
      const far = Math.abs(labels[i][0] - labels[j][0]) >= 80 || Math.abs(labels[i][1] - labels[j][1]) >= 48;
      expect(far).toBe(true);
    }
    expect(() => graphLayout([2, 9, 1])).toThrow(/1 to 4/);
  });
});

// @vitest-environment node
/**
 * The lesson's worked XOR example: the engine's forward pass with the hand-picked weights, checked
 * against values computed by hand from σ(z) = 1 / (1 + e^(−z)), and the numbers the lesson prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fixed4, xorExample, xorNetwork, XOR_WEIGHTS } from '../../src/widgets/XorHidden/xor-example.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('xorExample', () => {
  const { rows, hiddenLines, outputLine } = xorExample();

  test('xorExample() follows each corner through the network exactly as the formulas say', () => {
    for (const r of rows) {
      const [x1, x2] = r.x;
      const z1 = 10 * x1 + 10 * x2 - 5;
      const z2 = -10 * x1 - 10 * x2 + 15;
      expect(r.z).toEqual([z1, z2]);
      expect(r.a[0]).toBeCloseTo(sigma(z1), 14);
      expect(r.a[1]).toBeCloseTo(sigma(z2), 14);
      const z = 10 * sigma(z1) + 10 * sigma(z2) - 15;
      expect(r.zOut).toBeCloseTo(z, 12);
      expect(r.yHat).toBeCloseTo(sigma(z), 14);
    }
  });

  test('xorExample() computes XOR: above 0.99 on (0, 1) and (1, 0), below 0.01 on (0, 0) and (1, 1)', () => {
    expect(rows.map((r) => r.target)).toEqual([0, 1, 1, 0]);
    for (const r of rows) {
      if (r.target === 1) expect(r.yHat).toBeGreaterThan(0.99);
      else expect(r.yHat).toBeLessThan(0.01);
    }
  });

  test('the numbers the lesson prints', () => {
    expect(rows.map((r) => r.a.map(fixed4))).toEqual([
      ['0.0067', '1.0000'],
      ['0.9933', '0.9933'],
      ['0.9933', '0.9933'],
      ['1.0000', '0.0067'],
    ]);
    expect(rows.map((r) => fixed4(r.zOut))).toEqual(['−4.9331', '4.8661', '4.8661', '−4.9331']);
    expect(rows.map((r) => fixed4(r.yHat))).toEqual(['0.0072', '0.9924', '0.9924', '0.0072']);
    const lesson = readFileSync(new URL('../../content/lessons/04-deep-networks.mdx', import.meta.url), 'utf8');
    for (const printed of ['0.0067', '0.9933', '4.8661', '4.9331', '0.0072', '0.9924']) expect(lesson).toContain(printed);
  });

  test('the lines: x₁ + x₂ = 0.5 and x₁ + x₂ = 1.5 for the hidden units, a₁ + a₂ = 1.5 for the output', () => {
    expect(hiddenLines.map(({ w1, w2, b }) => ({ w1, w2, b }))).toEqual([
      { w1: 10, w2: 10, b: -5 },
      { w1: -10, w2: -10, b: 15 },
    ]);
    expect(-outputLine.b / outputLine.w1).toBe(1.5);
    expect(XOR_WEIGHTS.output).toEqual([10, 10, -15]);
    expect(xorNetwork().params.length).toBe(9);
  });
});

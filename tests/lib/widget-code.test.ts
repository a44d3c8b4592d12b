/**
 * The source-writing helpers of "show me the code": numbers written as JavaScript and Python read
 * back to the same double, and the Python `num` of PY_PRELUDE writes every double exactly as
 * JavaScript's String does (run with python3 where there is one; skipped, saying so, where not).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { seeded } from '../../src/engine/random.ts';
import { chunk, jsList, jsNum, PY_PRELUDE, pyFilename, pyInt, pyList, pyMatrix, pyNum } from '../../src/lib/widget-code.ts';

function python(): string | null {
  for (const p of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(p, ['-c', 'import decimal'], { stdio: 'ignore' });
      return p;
    } catch {
      // next
    }
  }
  return null;
}
const py = python();
if (!py) console.warn('PY_PRELUDE check skipped: no python3 found');

/** Doubles of every kind: tiny, huge, whole, negative, near the points where the notation switches. */
function doubles(): number[] {
  const r = seeded(7);
  const out = [0, -0, 1, -1, 0.1, 1e-7, 1e-6, 9.999999e-7, 1e21, 9.99e20, 1e-5, 123456789012345680000, 5e-324, 1.7976931348623157e308, 2 ** 53, 0.000123];
  for (let i = 0; i < 2000; i++) {
    const e = Math.floor(r() * 80) - 40;
    out.push((r() - 0.5) * 10 ** e);
  }
  return out;
}

describe('source text for numbers', () => {
  test('jsNum and pyNum read back to the same double, and whole numbers stay floats in Python', () => {
    for (const x of doubles()) {
      expect(Object.is(Number(jsNum(x)), x)).toBe(true);
      expect(Object.is(Number(pyNum(x)), x)).toBe(true);
      expect(pyNum(x)).toMatch(/[.e]/);
    }
    expect([pyNum(3), pyNum(-0), pyNum(NaN), pyNum(Infinity), pyNum(-Infinity)]).toEqual(['3.0', '-0.0', "float('nan')", "float('inf')", "-float('inf')"]);
    expect([jsNum(NaN), jsNum(-Infinity), jsNum(-0)]).toEqual(['NaN', '-Infinity', '-0']);
    expect(() => pyInt(1.5)).toThrow(/not a whole number/);
  });

  test('lists and matrices', () => {
    expect(jsList([1, -0.5, 1e-7])).toBe('[1, -0.5, 1e-7]');
    expect(pyList([1, 2])).toBe('[1.0, 2.0]');
    expect(pyList([1, 2, 3], 2)).toBe('[\n    1.0, 2.0,\n    3.0,\n]');
    expect(pyMatrix(chunk([1, 2, 3, 4], 2))).toBe('[\n    [1.0, 2.0],\n    [3.0, 4.0],\n]');
    expect(pyFilename('Momentum valley!')).toBe('Momentum-valley.py');
  });

  test.skipIf(!py)('PY_PRELUDE’s num writes every double as JavaScript’s String(x) does', () => {
    const xs = doubles();
    const script = `${PY_PRELUDE}\nimport sys, json\nfor x in json.load(sys.stdin):\n    print(num(x))\n`;
    const out = execFileSync(py!, ['-c', script], { input: JSON.stringify(xs) }).toString().trim().split('\n');
    expect(out).toEqual(xs.map((x) => (Object.is(x, -0) ? '0' : String(x))));
  });
});

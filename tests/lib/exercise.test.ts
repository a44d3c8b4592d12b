import { describe, expect, test } from 'vitest';
import { checkAnswer, exactValue, formatAnswer, parseNumber, validateSpec, type ExerciseSpec } from '../../src/lib/exercise.ts';

describe('parseNumber', () => {
  test.each([
    ['0.25', 0.25],
    [' .25 ', 0.25],
    ['1/4', 0.25],
    ['1 / 4', 0.25],
    ['2.5e-1', 0.25],
    ['25E-2', 0.25],
    ['-3', -3],
    ['+3', 3],
    ['\u22120.5', -0.5],
    ['5.', 5],
    ['-1/-4', 0.25],
    ['1e-400', 0],
  ])('parseNumber(%j) is %s', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0,25', 'comma'],
    ['1,000', 'comma'],
    ['1/0', 'zero'],
    ['1e400', 'range'],
    ['NaN', 'number'],
    ['Infinity', 'number'],
    ['0x10', 'number'],
    ['.', 'number'],
    ['1/2/3', 'number'],
    ['one', 'number'],
    ['1 2', 'number'],
    ['--1', 'number'],
  ])('parseNumber(%j) fails with %s', (text, error) => {
    expect(parseNumber(text)).toEqual({ ok: false, error });
  });
});

describe('formatAnswer', () => {
  test('formatAnswer hides binary rounding: 0.1 + 0.2 → "0.3"', () => {
    expect(formatAnswer(0.1 + 0.2)).toBe('0.3');
    expect(formatAnswer(1e-7)).toBe('1e-7');
    expect(formatAnswer(-2.5)).toBe('-2.5');
  });
});

describe('validateSpec', () => {
  test.each<[string, ExerciseSpec, RegExp]>([
    ['one choice only', { kind: 'choice', choices: ['a'], answer: 0 }, /two choices/],
    ['answer index out of range', { kind: 'choice', choices: ['a', 'b'], answer: 2 }, /index of a choice/],
    ['fractional answer index', { kind: 'choice', choices: ['a', 'b'], answer: 0.5 }, /index of a choice/],
    ['NaN numeric answer', { kind: 'numeric', answer: NaN }, /finite/],
    ['negative tolerance', { kind: 'numeric', answer: 1, tolerance: -0.1 }, /tolerance/],
    ['unknown kind', { kind: 'essay' as 'numeric', answer: 1 }, /kind/],
  ])('validateSpec rejects %s', (_name, spec, message) => {
    expect(validateSpec(spec)).toMatch(message);
  });

  test('validateSpec accepts sound specs', () => {
    expect(validateSpec({ kind: 'choice', choices: ['a', 'b'], answer: 1 })).toBeNull();
    expect(validateSpec({ kind: 'numeric', answer: 0.3, tolerance: 0.001 })).toBeNull();
  });

  test('checkAnswer throws on an unusable spec (an authoring error)', () => {
    expect(() => checkAnswer({ kind: 'choice', choices: [], answer: 0 }, 0)).toThrow(/two choices/);
  });
});

describe('checkAnswer (numeric)', () => {
  const spec: ExerciseSpec = { kind: 'numeric', answer: 0.3, tolerance: 0.001 };

  test.each(['0.3', '.3', '3/10', '3e-1', '0.301', '0.299', ' 0.3005 '])('checkAnswer accepts %j within ±0.001', (input) => {
    expect(checkAnswer(spec, input).status).toBe('correct');
  });

  test('checkAnswer counts the tolerance edge as correct despite binary rounding (0.301 − 0.3 > 0.001 in floats)', () => {
    expect(0.301 - 0.3).toBeGreaterThan(0.001);
    expect(checkAnswer(spec, '0.301').status).toBe('correct');
    expect(checkAnswer(spec, '0.2990').status).toBe('correct');
  });

  test.each(['0.302', '0.2989', '-0.3', '1/3'])('checkAnswer rejects %j as incorrect', (input) => {
    const result = checkAnswer(spec, input);
    expect(result.status).toBe('incorrect');
    expect(result.message).not.toContain('0.3 (');
  });

  test('checkAnswer echoes the value it read in the incorrect message', () => {
    expect(checkAnswer(spec, '1/4').message).toContain('0.25');
  });

  test('checkAnswer with no tolerance needs the exact value, up to rounding', () => {
    const exact: ExerciseSpec = { kind: 'numeric', answer: 0.3 };
    expect(checkAnswer(exact, '0.3').status).toBe('correct');
    expect(checkAnswer(exact, '3/10').status).toBe('correct');
    expect(checkAnswer(exact, '0.30001').status).toBe('incorrect');
    expect(checkAnswer(exact, '0.3').message).toBe('Correct: the answer is 0.3.');
  });

  test('checkAnswer states the tolerance when an answer is correct', () => {
    expect(checkAnswer(spec, '0.3').message).toBe('Correct: the answer is 0.3 (anything within ±0.001 counts).');
  });

  test.each([
    ['', /Type a number/],
    ['   ', /Type a number/],
    ['0,3', /point for decimals/],
    ['abc', /"abc" is not a number/],
    ['1/0', /divide by zero/],
    ['1e999', /too large/],
  ])('checkAnswer(%j) is invalid with a clear message', (input, message) => {
    const result = checkAnswer(spec, input);
    expect(result.status).toBe('invalid');
    expect(result.message).toMatch(message);
  });

  test('checkAnswer treats null and undefined input as empty', () => {
    expect(checkAnswer(spec, null).status).toBe('invalid');
    expect(checkAnswer(spec, undefined).status).toBe('invalid');
  });

  test('checkAnswer shortens a long unreadable input in its message', () => {
    const message = checkAnswer(spec, 'x'.repeat(200)).message;
    expect(message.length).toBeLessThan(120);
    expect(message).toContain('…');
  });

  test('checkAnswer accepts a number typed with the spec’s unit', () => {
    const pct: ExerciseSpec = { kind: 'numeric', answer: 75, tolerance: 0.5, unit: '%' };
    expect(checkAnswer(pct, '75%').status).toBe('correct');
    expect(checkAnswer(pct, '75 %').status).toBe('correct');
    expect(checkAnswer(pct, '75').status).toBe('correct');
    expect(checkAnswer(pct, '0.75').status).toBe('incorrect');
    const ms: ExerciseSpec = { kind: 'numeric', answer: 12, unit: 'ms' };
    expect(checkAnswer(ms, '12 MS').status).toBe('correct');
  });

  test('checkAnswer with a negative answer and a large one', () => {
    expect(checkAnswer({ kind: 'numeric', answer: -2, tolerance: 0 }, '\u22122').status).toBe('correct');
    expect(checkAnswer({ kind: 'numeric', answer: 1e6, tolerance: 1 }, '1000000.5').status).toBe('correct');
    expect(checkAnswer({ kind: 'numeric', answer: 1e6, tolerance: 1 }, '1000001.5').status).toBe('incorrect');
  });

  test('checkAnswer takes a number input as well as text', () => {
    expect(checkAnswer(spec, 0.3).status).toBe('correct');
  });
});

describe('checkAnswer (choice)', () => {
  const spec: ExerciseSpec = { kind: 'choice', choices: ['0.1', '0.25', '0.5'], answer: 1 };

  test('checkAnswer accepts the right index, as a number or as text', () => {
    expect(checkAnswer(spec, 1)).toEqual({ status: 'correct', message: 'Correct!' });
    expect(checkAnswer(spec, '1').status).toBe('correct');
  });

  test('checkAnswer rejects another index as incorrect', () => {
    expect(checkAnswer(spec, 0).status).toBe('incorrect');
    expect(checkAnswer(spec, 2).status).toBe('incorrect');
  });

  test.each([null, undefined, -1, 3, 1.5, NaN, '', 'b'])('checkAnswer(%j) with no valid choice is invalid', (input) => {
    expect(checkAnswer(spec, input as number | string | null)).toEqual({
      status: 'invalid',
      message: 'Choose one of the options first.',
    });
  });
});

describe('checkAnswer (exact)', () => {
  const edge: ExerciseSpec = { kind: 'numeric', answer: 2, exact: true };

  test.each(['2', '2.0', ' 2.000 ', '4/2', '0.6/0.3', '2e0', '0.2e1', '+2', '-4/-2'])('checkAnswer accepts %j as exactly 2', (input) => {
    expect(checkAnswer(edge, input)).toEqual({ status: 'correct', message: 'Correct: the answer is 2.' });
  });

  test.each(['2.0005', '2.000000000001', '1.999999999999', '2.0000000000000001', '-2', '1'])('checkAnswer rejects %j, which is not exactly 2', (input) => {
    expect(checkAnswer(edge, input).status).toBe('incorrect');
  });

  test('checkAnswer (exact) echoes what was typed, not a rounded form that would look like the answer', () => {
    expect(checkAnswer(edge, '2.000000000001').message).toBe('Not quite: 2.000000000001 is not the answer. Try again, or open the hint.');
  });

  test('checkAnswer (exact) takes a decimal answer at its decimal value: 0.3 is 3/10', () => {
    const spec: ExerciseSpec = { kind: 'numeric', answer: 0.3, exact: true };
    expect(checkAnswer(spec, '3/10').status).toBe('correct');
    expect(checkAnswer(spec, '.30').status).toBe('correct');
    expect(checkAnswer(spec, '0.1/0.3').status).toBe('incorrect');
    expect(checkAnswer({ kind: 'numeric', answer: -0.2, exact: true }, '\u22120.2').status).toBe('correct');
  });

  test('checkAnswer (exact) still reports unreadable input as invalid', () => {
    expect(checkAnswer(edge, '2,0').status).toBe('invalid');
    expect(checkAnswer(edge, '2/0').status).toBe('invalid');
  });

  test('validateSpec refuses an exact answer with a tolerance', () => {
    expect(validateSpec({ kind: 'numeric', answer: 2, exact: true, tolerance: 0.001 })).toMatch(/exact answer takes no tolerance/);
    expect(validateSpec({ kind: 'numeric', answer: 2, exact: true })).toBeNull();
  });

  test('exactValue reads decimals and fractions exactly', () => {
    expect(exactValue('1.25e-1')).toEqual({ num: 125n, den: 1000n });
    expect(exactValue('-3/0.5')).toEqual({ num: -30n, den: 5n });
    expect(exactValue('1/-4')).toEqual({ num: -1n, den: 4n });
    expect(exactValue(0.1)).toEqual({ num: 1n, den: 10n });
    expect(exactValue('abc')).toBeNull();
    expect(exactValue('1/0')).toBeNull();
  });
});

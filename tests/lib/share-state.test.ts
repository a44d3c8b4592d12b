import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as classic from 'zod';
import { z } from '../../src/lib/zod.ts';
import {
  decodeState,
  encodeState,
  MAX_STATE_LENGTH,
  readStateFromUrl,
  stateParam,
  stateUrl,
} from '../../src/lib/share-state.ts';

/** A widget-like schema with caps, as a perceptron lab might declare it. */
const schema = z.object({
  w1: z.number().check(z.minimum(-5), z.maximum(5)),
  w2: z.number().check(z.minimum(-5), z.maximum(5)),
  b: z.number().check(z.minimum(-5), z.maximum(5)),
  preset: z.enum(['and', 'or', 'nand', 'xor']),
  points: z.array(z.object({ x: z.number(), y: z.number() })).check(z.maxLength(8)),
});

const good = { w1: 1, w2: -0.5, b: 0.25, preset: 'nand' as const, points: [{ x: 0, y: 1 }] };

/** base64url of arbitrary text, for handcrafted hostile payloads. */
function raw(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('encodeState / decodeState', () => {
  test('decodeState(encodeState(state)) returns the same state', () => {
    const result = decodeState(encodeState(good), schema);
    expect(result).toEqual({ ok: true, value: good });
  });

  test('encodeState gives base64url without padding, same as Node’s encoder', () => {
    const text = encodeState({ a: 'ü?>~' });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text).toBe(Buffer.from(JSON.stringify({ a: 'ü?>~' }), 'utf8').toString('base64url'));
  });

  test('encodeState keeps non-ASCII text intact (Korean, emoji)', () => {
    const state = { label: '퍼셉트론 🧠', note: 'naïve' };
    const result = decodeState(encodeState(state), z.object({ label: z.string(), note: z.string() }));
    expect(result).toEqual({ ok: true, value: state });
  });

  test('encodeState throws for a value JSON cannot represent', () => {
    expect(() => encodeState(undefined)).toThrow(/JSON/);
    expect(() => encodeState(() => 1)).toThrow(/JSON/);
  });

  test('decodeState(null | "") is a failure marked absent', () => {
    expect(decodeState(null, schema)).toMatchObject({ ok: false, absent: true });
    expect(decodeState('', schema)).toMatchObject({ ok: false, absent: true });
  });

  test.each([
    ['not base64url characters', 'abc$%^', /base64url/],
    ['a single dangling character', 'abcde', /base64url/],
    ['padding characters', `${encodeState(good)}==`, /base64url/],
    ['valid base64 but not JSON', raw('{w1: 1'), /JSON/],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url'), /UTF-8/],
    ['a number where an object is expected', raw('42'), /expected object/i],
    ['a wrong field type', raw(JSON.stringify({ ...good, w1: '1' })), /^w1:/],
    ['an out-of-range weight', raw(JSON.stringify({ ...good, b: 1e6 })), /^b:/],
    ['an unknown enum value', raw(JSON.stringify({ ...good, preset: '<img src=x onerror=alert(1)>' })), /^preset:/],
    ['too many points', raw(JSON.stringify({ ...good, points: Array(9).fill({ x: 0, y: 0 }) })), /^points:/],
    ['NaN smuggled as null', raw(JSON.stringify({ ...good, w2: null })), /^w2:/],
  ])('decodeState rejects %s with a reason', (_name, text, reason) => {
    const result = decodeState(text, schema);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.absent).toBeUndefined();
    }
  });

  test('decodeState rejects input longer than MAX_STATE_LENGTH before decoding it', () => {
    const huge = 'A'.repeat(MAX_STATE_LENGTH + 1);
    const result = decodeState(huge, z.unknown());
    expect(result).toEqual({ ok: false, reason: `the state is longer than ${MAX_STATE_LENGTH} characters` });
    expect(decodeState('A'.repeat(10_000_000), z.unknown()).ok).toBe(false);
  });

  test('decodeState accepts a state of exactly MAX_STATE_LENGTH characters', () => {
    // JSON string of length n encodes to ceil(4n/3) chars: pick n so the text is exactly the limit.
    const text = encodeState('x'.repeat(2998));
    expect(text.length).toBe(MAX_STATE_LENGTH);
    expect(decodeState(text, z.string()).ok).toBe(true);
  });

  test.each([
    ['__proto__ at the top', '{"__proto__":{"polluted":true},"w1":1}'],
    ['__proto__ nested in an array', '{"points":[{"x":0,"y":0,"__proto__":{"polluted":true}}]}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'],
  ])('decodeState rejects %s and never pollutes prototypes', (_name, json) => {
    const result = decodeState(raw(json), z.looseObject({}));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.reason).toMatch(/forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('decodeState rejects absurdly deep nesting', () => {
    const deep = '['.repeat(40) + ']'.repeat(40);
    const result = decodeState(raw(deep), z.unknown());
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.reason).toMatch(/deeper/);
  });

  test('a refusal names the field and says what is wrong, in words', () => {
    const reasons = [
      { ...good, b: 1e6 },
      { ...good, w1: '1' },
      { ...good, preset: 'nor' },
      { ...good, points: Array(9).fill({ x: 0, y: 0 }) },
      { ...good, extra: 1 },
    ].map((state) => {
      const result = decodeState(encodeState(state), z.strictObject(schema.shape));
      return result.ok ? 'accepted' : result.reason;
    });
    expect(reasons).toEqual([
      'b: Too big: expected number to be <=5',
      'w1: Invalid input: expected number, received string',
      'preset: Invalid option: expected one of "and"|"or"|"nand"|"xor"',
      'points: Too big: expected array to have <=8 items',
      'state: Unrecognized key: "extra"',
    ]);
  });

  test('decodeState takes a classic zod schema as well, with the same reasons', () => {
    const classicSchema = classic.object({ b: classic.number().min(-5).max(5) });
    expect(decodeState(encodeState({ b: 1 }), classicSchema)).toEqual({ ok: true, value: { b: 1 } });
    expect(decodeState(encodeState({ b: 1e6 }), classicSchema)).toEqual({ ok: false, reason: 'b: Too big: expected number to be <=5' });
  });

  test('decodeState turns a throwing schema refinement into a failure', () => {
    const throwing = z.number().check(
      z.refine(() => {
        throw new Error('boom');
      }),
    );
    expect(decodeState(encodeState(1), throwing)).toMatchObject({ ok: false });
  });

  test('decodeState of a non-string (wrong type at runtime) is a failure, not a throw', () => {
    expect(decodeState(42 as unknown as string, schema)).toMatchObject({ ok: false });
    expect(decodeState({} as unknown as string, schema)).toMatchObject({ ok: false });
  });

  test('decodeState(encodeState(v)) round-trips any JSON value that fits, and rejects prototype keys (property)', () => {
    const hasPrototypeKey = (v: unknown): boolean =>
      typeof v === 'object' && v !== null &&
      (Array.isArray(v)
        ? v.some(hasPrototypeKey)
        : Object.keys(v).some((k) => ['__proto__', 'constructor', 'prototype'].includes(k)) ||
          Object.values(v).some(hasPrototypeKey));
    // JSON values, plus values that hide a prototype key somewhere (JSON.parse makes it an own key).
    const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
    const hostile = fc
      .tuple(prototypeKey, fc.jsonValue({ maxDepth: 3 }), fc.boolean())
      .map(([key, inner, nested]) => {
        const json = `{${JSON.stringify(key)}:${JSON.stringify(inner)}}`;
        return JSON.parse(nested ? `{"settings":[1,${json}]}` : json) as unknown;
      });
    const withPrototypeKeys = fc.oneof(fc.jsonValue({ maxDepth: 6 }), hostile);
    let rejected = 0;
    fc.assert(
      fc.property(withPrototypeKeys, (value) => {
        const text = encodeState(value);
        fc.pre(text.length <= MAX_STATE_LENGTH);
        const result = decodeState(text, z.json());
        if (hasPrototypeKey(value)) {
          rejected++;
          expect(result).toMatchObject({ ok: false });
        } else {
          // JSON itself maps -0 to 0; compare with what JSON can carry.
          expect(result).toEqual({ ok: true, value: JSON.parse(JSON.stringify(value)) });
        }
      }),
      { numRuns: 400 },
    );
    // The hostile branch guarantees the rejection path is exercised too.
    expect(rejected).toBeGreaterThan(0);
  });

  test('decodeState never throws, whatever the text (property)', () => {
    const base64ish = fc.string({ unit: fc.constantFrom(...'ABCxyz019-_=+/ .%'), maxLength: 200 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), base64ish, fc.string({ unit: 'binary', maxLength: 50 })), (text) => {
        const result = decodeState(text, schema);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('stateUrl / readStateFromUrl', () => {
  test('stateParam(id) is w-<id>', () => {
    expect(stateParam('perceptron')).toBe('w-perceptron');
  });

  test('stateUrl sets w-<id> and #<id>, keeping other parameters', () => {
    const url = stateUrl('perceptron', good, 'https://example.org/lessons/02/?w-other=abc&lang=en#top');
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/lessons/02/');
    expect(parsed.hash).toBe('#perceptron');
    expect(parsed.searchParams.get('w-other')).toBe('abc');
    expect(parsed.searchParams.get('lang')).toBe('en');
    expect(parsed.searchParams.get('w-perceptron')).toBe(encodeState(good));
  });

  test('readStateFromUrl(stateUrl(…)) restores the state', () => {
    const url = stateUrl('perceptron', good, 'https://example.org/x/');
    expect(readStateFromUrl('perceptron', schema, url)).toEqual({ ok: true, value: good });
  });

  test('stateUrl replaces an older state of the same widget', () => {
    const first = stateUrl('p', { ...good, w1: 2 }, 'https://example.org/');
    const second = stateUrl('p', good, first);
    expect(new URL(second).searchParams.getAll('w-p')).toHaveLength(1);
    expect(readStateFromUrl('p', schema, second)).toEqual({ ok: true, value: good });
  });

  test('readStateFromUrl without the parameter is absent, not an error', () => {
    expect(readStateFromUrl('perceptron', schema, 'https://example.org/?w-other=abc')).toMatchObject({
      ok: false,
      absent: true,
    });
  });

  test('readStateFromUrl with a mangled parameter fails with a reason', () => {
    const result = readStateFromUrl('perceptron', schema, 'https://example.org/?w-perceptron=%3Cscript%3E');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.absent).toBeUndefined();
  });

  test('readStateFromUrl with an unparseable URL fails instead of throwing', () => {
    expect(readStateFromUrl('p', schema, 'not a url')).toMatchObject({ ok: false });
  });
});

import { describe, expect, test } from 'vitest';
import { inlineParts } from '../../src/lib/inline-markup.ts';

describe('inlineParts', () => {
  test('splits bold, code and links out of the text, in order', () => {
    expect(inlineParts('Press **Copy link**, see [the notation](notation/) or run `f()`.')).toEqual([
      { kind: 'text', text: 'Press ' },
      { kind: 'strong', text: 'Copy link' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'the notation', href: 'notation/' },
      { kind: 'text', text: ' or run ' },
      { kind: 'code', text: 'f()' },
      { kind: 'text', text: '.' },
    ]);
  });

  test('brackets inside code stay code; plain text and stray marks stay text', () => {
    expect(inlineParts('`createMLP({ sizes: [2] })` tells you why')).toEqual([
      { kind: 'code', text: 'createMLP({ sizes: [2] })' },
      { kind: 'text', text: ' tells you why' },
    ]);
    expect(inlineParts('a < 0.1 and 2 * 3')).toEqual([{ kind: 'text', text: 'a < 0.1 and 2 * 3' }]);
    expect(inlineParts('')).toEqual([]);
  });
});

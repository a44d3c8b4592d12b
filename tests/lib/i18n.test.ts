import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';

describe('i18n', () => {
  test('t(key) returns the English string', () => {
    expect(t('site.name')).toBe('Neural Notebook');
  });
  test('t(key, params) fills {placeholders} and leaves unknown ones visible', () => {
    expect(t('map.chapter', { n: 3 })).toBe('Chapter 3');
    expect(t('map.prereq', {})).toBe('Before this: {list}');
  });
});

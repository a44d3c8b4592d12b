import { describe, expect, test } from 'vitest';
import { setLocale, t } from '../../src/i18n/index.ts';
import '../../src/i18n/strings/pages.ts';
import { en } from '../../src/i18n/en.ts';
import { ko } from '../../src/i18n/ko.ts';

describe('i18n', () => {
  test('t(key) returns the English string', () => {
    expect(t('site.name')).toBe('Neural Notebook');
  });
  test('t(key, params) fills {placeholders} and leaves unknown ones visible', () => {
    expect(t('map.chapter', { n: 3 })).toBe('Chapter 3');
    expect(t('map.prereq', {})).toBe('Before this: {list}');
  });
  test('t(key) finds the core group without an import, and shows a key of a group never imported as itself', () => {
    expect(t('widget.reset')).toBe(en['widget.reset']);
    expect(t('race.title')).toBe('race.title');
  });
  test('setLocale(locale) switches every registered group', () => {
    try {
      setLocale('ko');
      expect([t('widget.reset'), t('map.chapter', { n: 3 }), t('race.title')]).toEqual([ko['widget.reset'], ko['map.chapter'].replace('{n}', '3'), 'race.title']);
      setLocale('fr');
      expect([t('widget.reset'), t('site.name')]).toEqual([en['widget.reset'], en['site.name']]);
    } finally {
      setLocale('en');
    }
  });
});

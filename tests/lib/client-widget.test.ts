/** `client:widget`: which element ids a page's address points at, so their islands hydrate at once. */
import { describe, expect, test } from 'vitest';
import { addressedIds } from '../../src/integrations/client-widget.ts';

describe('addressedIds', () => {
  test('a share link names its widget by the w-<id> key and by the hash', () => {
    expect(addressedIds('?w-playground=eyJ9', '#playground')).toEqual(['playground', 'playground']);
  });
  test('several widgets in one link, other parameters ignored', () => {
    expect(addressedIds('?utm=x&w-race=a&w-valley=b&w-=c', '')).toEqual(['race', 'valley']);
  });
  test('a hash alone (a link to a heading or an exercise) counts; an escaped hash is decoded', () => {
    expect(addressedIds('', '#ch4-params')).toEqual(['ch4-params']);
    expect(addressedIds('', '#%ED%95%99%EC%8A%B5')).toEqual(['학습']);
  });
  test('a malformed escape or an empty address does not throw', () => {
    expect(addressedIds('', '#%E0%A4%A')).toEqual(['%E0%A4%A']);
    expect(addressedIds('', '')).toEqual([]);
    expect(addressedIds('?', '#')).toEqual([]);
  });
});

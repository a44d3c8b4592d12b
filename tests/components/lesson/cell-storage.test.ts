// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { clearEdit, editKey, loadEdit, saveEdit } from '../../../src/components/lesson/cell/storage.ts';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('cell storage', () => {
  test('saveEdit keeps an edit under nn-cell:<id>, and loadEdit reads it back', () => {
    saveEdit('ch4-xor', 'print(1)', 'print(2)');
    expect(localStorage.getItem('nn-cell:ch4-xor')).toBe('print(1)');
    expect(editKey('ch4-xor')).toBe('nn-cell:ch4-xor');
    expect(loadEdit('ch4-xor')).toBe('print(1)');
    expect(loadEdit('other')).toBeNull();
  });

  test('saveEdit of the lesson’s own code removes the entry, and clearEdit forgets it', () => {
    saveEdit('a', 'x', 'y');
    saveEdit('a', 'y', 'y');
    expect(localStorage.getItem('nn-cell:a')).toBeNull();
    saveEdit('a', 'x', 'y');
    clearEdit('a');
    expect(loadEdit('a')).toBeNull();
  });

  test('storage that throws (private mode, full quota) is ignored: nothing is saved and nothing throws', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => saveEdit('a', 'x', 'y')).not.toThrow();
    expect(loadEdit('a')).toBeNull();
    expect(() => clearEdit('a')).not.toThrow();
  });
});

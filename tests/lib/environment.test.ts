import { describe, expect, test } from 'vitest';

describe('test environment', () => {
  test('process.versions.node is the pinned Node (>= 22.12), not a system fallback', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});

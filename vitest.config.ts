import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

/**
 * Three projects:
 * - unit: the engine and plain TypeScript modules, in Node.
 * - components: Svelte components and rune models, in jsdom.
 * - e2e: the built site (dist/) served on 127.0.0.1 and driven in Chromium by playwright-core.
 *   Run `npm run build` first; `npm test` does both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/engine/**/*.test.ts', 'tests/lib/**/*.test.ts', 'tests/notebook/**/*.test.ts', 'tests/i18n/**/*.test.ts', 'tests/bench/**/*.test.ts'],
        },
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/widgets/**/*.test.ts', 'tests/components/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // In CI (two cores shared by the browser, its workers and the server) a test that times
          // out or misses a frame budget once is run once more; a second failure fails the run.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});

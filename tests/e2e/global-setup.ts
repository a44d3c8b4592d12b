/**
 * Global setup of the e2e project: checks that the site is built and Chromium is installed,
 * then serves the built site on 127.0.0.1 for the whole run and hands its URL to the tests
 * (`inject('baseUrl')`).
 *
 * Environment:
 * - `BASE_PATH`: the deploy base the site was built with (as in astro.config.mjs), e.g. `/nn/`.
 * - `E2E_DIST`: the built site's folder (default `dist`).
 * - `CHROMIUM_PATH`: the Chromium executable (default /usr/bin/chromium).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertBuilt, assertChromium, normalizeBase, startServer } from './harness.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The served site's home page, e.g. `http://127.0.0.1:40123/` (always ends with `/`). */
    baseUrl: string;
    /** The deploy base path, e.g. `/` or `/nn/`. */
    basePath: string;
    /** The Chromium executable the tests launch. */
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(process.env.E2E_DIST?.trim() || 'dist');
  const base = normalizeBase(process.env.BASE_PATH);
  assertBuilt(root);
  if (base !== '/' && !readFileSync(join(root, 'index.html'), 'utf8').includes(`"${base}`)) {
    throw new Error(
      `${root} does not look built with BASE_PATH=${base}: its index.html has no link starting with ${base}. ` +
        `Rebuild with \`BASE_PATH=${base} npm run build\`.`,
    );
  }
  const chromiumPath = assertChromium();
  const server = await startServer({ root, base });
  project.provide('baseUrl', server.url);
  project.provide('basePath', server.base);
  project.provide('chromiumPath', chromiumPath);
  return () => server.close();
}

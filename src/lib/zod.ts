/**
 * The one way browser code imports Zod: `import { z } from '../lib/zod.ts'`.
 *
 * It is `zod/mini` (tree-shakable, a few KB on a page, where classic `zod` is some 20), with the
 * English messages that classic `zod` loads by itself and `zod/mini` does not: without them every
 * issue would read just "Invalid input", and the reasons a page gives for a refused link ("lr: Too
 * big: expected number to be <=1") would no longer say what is wrong. Importing this module
 * installs them, before any schema is used.
 *
 * Functional forms, not methods: `z.number().check(z.int(), z.minimum(0), z.maximum(9))`,
 * `z._default(s, v)`, `z.nullable(s)`, `s.check(z.refine(fn, { message }))`.
 * `src/content.config.ts` (build time only) keeps `astro/zod`.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
export type { $ZodType as AnySchema } from 'zod/v4/core';

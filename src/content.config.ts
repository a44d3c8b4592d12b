import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The build's language (see astro.config.mjs): its lessons come from its own folder. */
const locale = process.env.LOCALE === 'ko' ? 'ko' : 'en';

/**
 * Learning objectives say what the learner can do: in English they start with a capitalised verb
 * ("Explain …"); in Korean they are Korean phrases (which end with the verb).
 */
const objective =
  locale === 'en'
    ? z
        .string()
        .min(10, 'an objective needs at least 10 characters')
        .regex(/^[A-Z][a-z]+\b/, 'an objective starts with a capitalised verb, e.g. "Explain …"')
    : z.string().min(6, 'an objective needs at least 6 characters').regex(/[가-힣]/, 'a Korean objective is written in Korean');

/**
 * One chapter of the course. Every field is required, so a lesson with incomplete or
 * malformed front matter fails the build with the field's name in the message.
 */
export const lessonSchema = z
  .object({
    /** Chapter number, 1-based; the order of the course map and of previous/next links. */
    chapter: z.number().int().min(1).max(99),
    /** Title shown on the course map, in the navigation and as the page's <h1>. */
    title: z.string().min(3).max(80),
    /** One sentence saying what the chapter is about (course map, meta description). */
    summary: z.string().min(20).max(240),
    /** What the learner can do after the chapter: 3 to 5 items, each starting with a verb. */
    objectives: z.array(objective).min(3, 'give at least 3 objectives').max(5, 'give at most 5 objectives'),
    /** Estimated reading-and-doing time in minutes. */
    minutes: z.number().int().min(5).max(240),
    /** Chapter numbers a learner should finish first (may be empty). */
    prerequisites: z.array(z.number().int().min(1)).default([]),
    /** `draft` while the body is still being written: the page shows a notice saying so. */
    status: z.enum(['complete', 'draft']).default('draft'),
  })
  .strict()
  .refine((d) => d.prerequisites.every((p) => p < d.chapter), {
    message: 'prerequisites must be earlier chapters',
    path: ['prerequisites'],
  });

export const collections = {
  lessons: defineCollection({
    loader: glob({ pattern: '*.mdx', base: locale === 'en' ? './content/lessons' : `./content/${locale}/lessons` }),
    schema: lessonSchema,
  }),
};

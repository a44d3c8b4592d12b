import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { lessonProgressIds, type LessonProgressIds } from './progress';

export type Lesson = CollectionEntry<'lessons'>;

/** All lessons in chapter order; throws when two lessons claim the same chapter number. */
export async function getLessons(): Promise<Lesson[]> {
  const lessons = (await getCollection('lessons')).sort((a, b) => a.data.chapter - b.data.chapter);
  for (let i = 1; i < lessons.length; i++) {
    if (lessons[i].data.chapter === lessons[i - 1].data.chapter) {
      throw new Error(
        `Lessons "${lessons[i - 1].id}" and "${lessons[i].id}" both claim chapter ${lessons[i].data.chapter}.`,
      );
    }
  }
  const known = new Set(lessons.map((l) => l.data.chapter));
  for (const l of lessons) {
    for (const p of l.data.prerequisites) {
      if (!known.has(p)) throw new Error(`Lesson "${l.id}" lists prerequisite chapter ${p}, which does not exist.`);
    }
  }
  return lessons;
}

/**
 * The exercise and challenge ids a lesson records in progress (read at build time): the ids in its
 * MDX (see `lessonProgressIds`), plus the challenges of the widgets it imports, found as
 * `<Challenge id="…">` in each imported `.svelte` file, so a challenge counts even where the lesson
 * does not name it.
 */
export function lessonProgress(lesson: Lesson): LessonProgressIds {
  const body = lesson.body ?? '';
  const own = lessonProgressIds(body);
  const challenges = [...own.challenges];
  const folder = dirname(resolve(lesson.filePath ?? `content/lessons/${lesson.id}.mdx`));
  for (const [, path] of body.matchAll(/^import\s+\w+\s+from\s+['"](\.[^'"]+\.svelte)['"]/gm)) {
    let source: string;
    try {
      source = readFileSync(resolve(folder, path), 'utf8');
    } catch {
      continue;
    }
    for (const id of lessonProgressIds(source).challenges) if (!challenges.includes(id)) challenges.push(id);
  }
  return { exercises: own.exercises, challenges };
}

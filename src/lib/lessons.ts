import { getCollection, type CollectionEntry } from 'astro:content';

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

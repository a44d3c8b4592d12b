/** English strings of chapter 1's timeline. */
export const timeline = {
  'timeline.chapter': 'Chapter {n}',
} as const;

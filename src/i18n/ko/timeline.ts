import type { timeline as en } from '../en/timeline.ts';

/** Korean strings of chapter 1's timeline: the keys of the English group. */
export const timeline: Record<keyof typeof en, string> = {
  'timeline.chapter': "{n}장",
};

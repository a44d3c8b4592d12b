/**
 * English UI strings, under flat keys. A second language is a second file with the same keys
 * (the `Messages` type makes a missing key a type error). `{name}` marks a parameter.
 */
export const en = {
  'site.name': 'Neural Notebook',
  'site.tagline': 'Learn how neural networks work by touching them.',
  'site.skip': 'Skip to content',
  'site.nav.label': 'Main',
  'site.nav.map': 'Course map',
  'site.nav.instructors': 'For instructors',
  'site.theme.toggle': 'Dark theme',
  'site.theme.light': 'Light',
  'site.theme.dark': 'Dark',
  'site.footer': 'Every number on these pages is computed live by the same open engine.',

  'map.title': 'Course map',
  'map.intro':
    'Six chapters, from a single artificial neuron to the optimizers that train deep networks. Each one has prose, math, live experiments and exercises you can check yourself.',
  'map.chapter': 'Chapter {n}',
  'map.minutes': '{n} min',
  'map.objectives': 'You will be able to',
  'map.prereq': 'Before this: {list}',
  'map.prereq.none': 'No prerequisites',
  'map.draft': 'Being written',
  'map.start': 'Start chapter {n}',

  'lesson.chapters': 'Chapters',
  'lesson.toc': 'On this page',
  'lesson.prev': 'Previous',
  'lesson.next': 'Next',
  'lesson.draft':
    'This chapter is being written. Its outline and objectives are final; the full text, experiments and exercises are on the way.',
  'lesson.objectives': 'In this chapter you will',
  'lesson.minutes': 'About {n} minutes',
  'lesson.prereq': 'Builds on',

  'notfound.title': 'Page not found',
  'notfound.body': 'There is no page at this address. It may have moved, or the link may be mistyped.',
  'notfound.home': 'Go to the course map',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/**
 * The course's timeline: the events chapter 1 lists, each with its year, what happened and who did
 * it, and the chapter that picks the idea up. Kept as data so a test checks every year and name.
 * In `detail`, a title between asterisks (*Nature*) is set in italics.
 */
import { lessonHref } from '../../lib/paths.ts';

export interface TimelineEvent {
  readonly year: number;
  readonly what: string;
  readonly detail: string;
  readonly chapter?: { readonly n: number; readonly href: string };
}

export const TIMELINE: readonly TimelineEvent[] = [
  {
    year: 1943,
    what: 'A neuron as a logic gate',
    detail: 'Warren McCulloch and Walter Pitts model a neuron as a unit that fires when enough of its inputs are on, and show that networks of such units can compute logical functions.',
    chapter: { n: 2, href: lessonHref('02-perceptron') },
  },
  {
    year: 1956,
    what: 'The name “artificial intelligence”',
    detail: 'The Dartmouth summer workshop launches the field under the name its 1955 proposal coined; the proposal was written by John McCarthy, Marvin Minsky, Nathaniel Rochester and Claude Shannon.',
  },
  {
    year: 1958,
    what: 'The perceptron learns',
    detail: 'Frank Rosenblatt publishes the perceptron, a unit whose weights are learned from examples; a US Navy demonstration on an IBM 704 makes headlines. The hardware Mark I Perceptron follows in 1960.',
    chapter: { n: 2, href: lessonHref('02-perceptron') },
  },
  {
    year: 1969,
    what: 'What one layer cannot do',
    detail: 'Marvin Minsky and Seymour Papert’s book *Perceptrons* proves what single-layer perceptrons cannot compute, with XOR among its examples. It is often blamed for the years in which neural networks fell out of favour.',
    chapter: { n: 4, href: lessonHref('04-deep-networks') },
  },
  {
    year: 1986,
    what: 'Backpropagation catches on',
    detail: 'David Rumelhart, Geoffrey Hinton and Ronald Williams show in *Nature* that backpropagation trains hidden layers that learn useful features. (The method itself is older: Linnainmaa 1970, Werbos 1974.)',
    chapter: { n: 5, href: lessonHref('05-backpropagation') },
  },
  {
    year: 2012,
    what: 'Deep learning wins ImageNet',
    detail: 'AlexNet, a deep convolutional network by Alex Krizhevsky, Ilya Sutskever and Geoffrey Hinton trained on GPUs, wins the ImageNet challenge with a top-5 error of 15.3%, against 26.2% for the runner-up.',
    chapter: { n: 3, href: lessonHref('03-activation-functions') },
  },
];

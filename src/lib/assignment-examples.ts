/**
 * One ready-made assignment per chapter, for the instructors page: the widget and its starting
 * state, the goal and note, what a learner does to meet it, and a state that does (the test
 * replays it and checks that the goal is met there and not at the start).
 */
import type { Assignment, MeasureDef, Values } from './assignment.ts';
import { t } from '../i18n/index.ts';
import { PLAYGROUND_MEASURES, replayPlayground } from '../widgets/NetworkPlayground/assign.ts';
import { PRESETS as PLAYGROUND_PRESETS, type PlaygroundState } from '../widgets/NetworkPlayground/settings.ts';
import { FEATURE_LAB_MEASURES, replayFeatureLab } from '../widgets/FeatureLab/assign.ts';
import { DEFAULT_FEATURE_LAB } from '../widgets/FeatureLab/model.svelte.ts';
import { PERCEPTRON_MEASURES, replayPerceptron } from '../widgets/PerceptronLab/assign.ts';
import { DEFAULT_STATE as PERCEPTRON_DEFAULT } from '../widgets/PerceptronLab/model.svelte.ts';
import { FLOW_MEASURES, replayFlow } from '../widgets/GradientFlow/assign.ts';
import { DEFAULT_STATE as FLOW_DEFAULT } from '../widgets/GradientFlow/model.svelte.ts';
import { VALLEY_MEASURES, replayValley } from '../widgets/MomentumValley/assign.ts';
import { DEFAULT_STATE as VALLEY_DEFAULT } from '../widgets/MomentumValley/model.svelte.ts';
import { GRAD_LAB_MEASURES, replayGradLab } from '../widgets/GradientCheckLab/assign.ts';
import { DEFAULT_LAB_STATE } from '../widgets/GradientCheckLab/model.svelte.ts';

export interface AssignmentExample {
  chapter: number;
  /** The lesson's content id (its URL slug). */
  lesson: string;
  /** The widget's frame id on the lesson page, and its title. */
  widget: string;
  widgetTitle: string;
  /** In a few words: what the assignment asks. */
  summary: string;
  /** The state the learner starts from (the assignment link's `w-<id>`). */
  start: unknown;
  assignment: Assignment;
  /** What a learner does to meet the goal, for the instructor. */
  how: string;
  /** A state that meets the goal: what the learner's result link carries. */
  met: unknown;
  measures: readonly MeasureDef[];
  replay: (state: never) => Promise<Values>;
}

const spirals = PLAYGROUND_PRESETS.spirals as PlaygroundState;

export const ASSIGNMENT_EXAMPLES: AssignmentExample[] = [
  {
    chapter: 1,
    lesson: '01-ai-ml-dl',
    widget: 'feature-lab',
    widgetTitle: t('featurelab.title'),
    summary: 'Separate the circle with a straight line, by choosing the right hand-made features.',
    start: DEFAULT_FEATURE_LAB,
    assignment: {
      v: 1,
      widget: 'feature-lab',
      lesson: '01-ai-ml-dl',
      note: 'A linear model cannot draw a circle in (x₁, x₂). Give it at most two features of your own so that it gets every test point right.',
      goals: [
        { m: 'dataset', op: '=', v: 'circle' },
        { m: 'features', op: '<=', v: 2 },
        { m: 'linearTest', op: '>=', v: 100 },
      ],
    },
    how: 'Tick x₁² and x₂², then train the linear model: 100% of the test points and of the training points are right. With x₁ and x₂ alone it gets 55% of the test points.',
    met: { ...DEFAULT_FEATURE_LAB, features: ['x1sq', 'x2sq'], linearSteps: 1000 },
    measures: FEATURE_LAB_MEASURES,
    replay: replayFeatureLab as (state: never) => Promise<Values>,
  },
  {
    chapter: 2,
    lesson: '02-perceptron',
    widget: 'perceptron',
    widgetTitle: t('perceptron.title'),
    summary: 'Train the perceptron to compute NAND, the gate every other gate can be built from.',
    start: PERCEPTRON_DEFAULT,
    assignment: {
      v: 1,
      widget: 'perceptron',
      lesson: '02-perceptron',
      note: 'Train the perceptron until it computes NAND.',
      goals: [{ m: 'computes', op: '=', v: 'NAND' }],
    },
    how: 'Choose NAND and press “Train to the end”: 11 epochs and 19 updates from the starting weights end at w = (−0.2, −0.1), b = 0.3.',
    met: { ...PERCEPTRON_DEFAULT, gate: 'NAND', w1: -0.2, w2: -0.1, b: 0.3 },
    measures: PERCEPTRON_MEASURES,
    replay: replayPerceptron as (state: never) => Promise<Values>,
  },
  {
    chapter: 3,
    lesson: '03-activation-functions',
    widget: 'gradient-flow',
    widgetTitle: t('flow.title'),
    summary: 'Get the sigmoid network to learn, by making it shallow enough for its gradient to arrive.',
    start: FLOW_DEFAULT,
    assignment: {
      v: 1,
      widget: 'gradient-flow',
      lesson: '03-activation-functions',
      note: 'The deep sigmoid network barely moves. Change its depth and learning rate until its loss falls below 0.1.',
      goals: [
        { m: 'sigmoidLoss', op: '<', v: 0.1 },
        { m: 'depth', op: '<=', v: 2 },
      ],
    },
    how: 'Set 2 hidden layers and a learning rate of 3, press Play and pause after 500 steps: the sigmoid network’s loss is then 0.069 (it first stays below 0.1 from step 474).',
    met: { ...FLOW_DEFAULT, depth: 2, lr: 3, steps: 500 },
    measures: FLOW_MEASURES,
    replay: replayFlow as (state: never) => Promise<Values>,
  },
  {
    chapter: 4,
    lesson: '04-deep-networks',
    widget: 'playground',
    widgetTitle: t('playground.title'),
    summary: 'Separate the spirals with a network of at most 60 parameters.',
    start: spirals,
    assignment: {
      v: 1,
      widget: 'playground',
      lesson: '04-deep-networks',
      note: 'The spirals preset uses 177 parameters. Find a network of at most 60 that still reaches 95% test accuracy on the spirals.',
      goals: [
        { m: 'dataset', op: '=', v: 'spirals' },
        { m: 'parameters', op: '<=', v: 60 },
        { m: 'testAccuracy', op: '>=', v: 95 },
      ],
    },
    how: 'One wide hidden layer works where three narrow ones are too many parameters: remove two layers and give the last one 14 units (57 parameters), then train about 800 epochs. Two layers of 5 (51 parameters) stall near 89%.',
    met: { ...spirals, layers: [14], epochs: 800 },
    measures: PLAYGROUND_MEASURES,
    replay: replayPlayground as (state: never) => Promise<Values>,
  },
  {
    chapter: 5,
    lesson: '05-backpropagation',
    widget: 'gradient-check',
    widgetTitle: t('gradlab.title'),
    summary: 'Make a correct gradient fail the check, by choosing a step so small that rounding takes over.',
    start: DEFAULT_LAB_STATE,
    assignment: {
      v: 1,
      widget: 'gradient-check',
      lesson: '05-backpropagation',
      note: 'Make the check fail without planting the bug: choose a step that is too small.',
      goals: [
        { m: 'bug', op: '=', v: false },
        { m: 'passes', op: '=', v: false },
        { m: 'eps', op: '<=', v: 1e-9 },
      ],
    },
    how: 'Drag ε to its smallest end, 1e−12: the relative error grows to 2.7e−4, far above the check’s 1e−7, although the backpropagated gradient is right. At ε = 1e−8 the check still passes.',
    met: { ...DEFAULT_LAB_STATE, eps: -12 },
    measures: GRAD_LAB_MEASURES,
    replay: replayGradLab as (state: never) => Promise<Values>,
  },
  {
    chapter: 6,
    lesson: '06-optimizers',
    widget: 'momentum-valley',
    widgetTitle: t('valley.title'),
    summary: 'Tune momentum so the ball reaches the bottom of the valley in at most 45 steps, at the same learning rate.',
    start: VALLEY_DEFAULT,
    assignment: {
      v: 1,
      widget: 'momentum-valley',
      lesson: '06-optimizers',
      note: 'Keep η = 0.04. With μ = 0.9 the ball needs 263 steps to come within a millionth of the minimum. Choose μ so that it needs at most 45.',
      goals: [
        { m: 'steps', op: '<=', v: 45 },
        { m: 'lr', op: '=', v: 0.04 },
      ],
    },
    how: 'Lower μ: too much momentum overshoots and oscillates, too little crawls. μ = 0.52 needs 43 steps (0.51 needs 49, 0.53 needs 44; 0.5 needs 54). Plain gradient descent needs 166.',
    met: { ...VALLEY_DEFAULT, beta: 0.52 },
    measures: VALLEY_MEASURES,
    replay: replayValley as (state: never) => Promise<Values>,
  },
];

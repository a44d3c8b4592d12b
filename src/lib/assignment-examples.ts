/**
 * One ready-made assignment per chapter, for the instructors page: the widget and its starting
 * state, the goal and note, what a learner does to meet it, and a state that does (the test
 * replays it and checks that the goal is met there and not at the start).
 */
import type { Assignment, MeasureDef, Values } from './assignment.ts';
import { t } from '../i18n/index.ts';
import '../i18n/strings/featurelab.ts';
import '../i18n/strings/flow.ts';
import '../i18n/strings/gradlab.ts';
import '../i18n/strings/perceptron.ts';
import '../i18n/strings/playground.ts';
import '../i18n/strings/valley.ts';
import type { Locale } from '../i18n/locales.ts';
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

/** An example's words in one language: what it asks, the learner's note, how to meet it. */
export interface ExampleText {
  summary: string;
  note: string;
  how: string;
}

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
  /** The summary, note and how in Korean (the fields above are the English), with the same numbers. */
  ko: ExampleText;
}

/** The example in a language: its summary and how, and its assignment with that language's note. */
export function exampleIn(e: AssignmentExample, locale: Locale): AssignmentExample {
  if (locale === 'en') return e;
  const text = e[locale];
  return { ...e, summary: text.summary, how: text.how, assignment: { ...e.assignment, note: text.note } };
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
    ko: {
      summary: '손수 만든 특성을 알맞게 골라, 직선 하나로 원을 가릅니다.',
      note: '선형 모델은 (x₁, x₂) 평면에 원을 그릴 수 없습니다. 직접 만든 특성을 두 개까지 주어, 모델이 테스트 점을 모두 맞히게 하십시오.',
      how: 'x₁²과 x₂²을 체크하고 선형 모델을 훈련하십시오. 테스트 점과 훈련 점을 100% 맞힙니다. x₁과 x₂만으로는 테스트 점의 55%를 맞힙니다.',
    },
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
    ko: {
      summary: '퍼셉트론을 훈련해 NAND를 계산하게 합니다. NAND는 다른 모든 게이트를 만들어 낼 수 있는 게이트입니다.',
      note: '퍼셉트론이 NAND를 계산할 때까지 훈련하십시오.',
      how: 'NAND를 고르고 “끝까지 훈련”을 누르십시오. 시작 가중치에서 11에포크 동안 19번 갱신한 뒤 w = (−0.2, −0.1), b = 0.3에서 멈춥니다.',
    },
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
    ko: {
      summary: '시그모이드 신경망을 기울기가 도달할 만큼 얕게 만들어, 학습이 일어나게 합니다.',
      note: '깊은 시그모이드 신경망은 거의 움직이지 않습니다. 손실이 0.1 아래로 떨어질 때까지 깊이와 학습률을 바꾸십시오.',
      how: '은닉층을 2개로, 학습률을 3으로 정하고 “재생”을 누른 뒤 500스텝에서 일시정지하십시오. 이때 시그모이드 신경망의 손실은 0.069입니다(474스텝부터 계속 0.1 아래에 머뭅니다).',
    },
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
    ko: {
      summary: '매개변수가 60개 이하인 신경망으로 나선을 가릅니다.',
      note: '나선 프리셋은 매개변수 177개를 씁니다. 매개변수가 60개 이하이면서도 나선에서 테스트 정확도 95%에 이르는 신경망을 찾으십시오.',
      how: '좁은 은닉층 세 개로는 매개변수가 너무 많지만, 넓은 은닉층 하나로는 됩니다. 은닉층 두 개를 제거하고 남은 층에 유닛 14개를 준 다음(매개변수 57개) 약 800에포크 훈련하십시오. 유닛 5개짜리 층 두 개(매개변수 51개)로는 89% 근처에서 더 나아지지 않습니다.',
    },
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
    ko: {
      summary: '스텝을 반올림 오차가 지배할 만큼 작게 골라, 올바른 기울기가 검사를 통과하지 못하게 합니다.',
      note: '버그를 심지 말고 검사가 실패하게 만드십시오. 너무 작은 스텝을 고르면 됩니다.',
      how: 'ε를 가장 작은 끝인 1e−12까지 끌어 보십시오. 역전파로 구한 기울기는 옳은데도 상대 오차가 2.7e−4까지 커져, 검사 기준인 1e−7을 훨씬 넘습니다. ε = 1e−8에서는 아직 검사를 통과합니다.',
    },
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
    ko: {
      summary: '학습률은 그대로 두고 모멘텀을 조절해, 공이 45스텝 이내에 골짜기 바닥에 닿게 합니다.',
      note: 'η = 0.04는 그대로 두십시오. μ = 0.9이면 공이 최소점에서 백만분의 일 이내로 다가가는 데 263스텝이 걸립니다. 45스텝 이하가 되도록 μ를 고르십시오.',
      how: 'μ를 낮추십시오. 모멘텀이 너무 크면 지나쳐서 진동하고, 너무 작으면 느릿느릿 기어갑니다. μ = 0.52이면 43스텝이 걸립니다(0.51은 49스텝, 0.53은 44스텝, 0.5는 54스텝). 모멘텀 없는 경사 하강법은 166스텝이 걸립니다.',
    },
  },
];

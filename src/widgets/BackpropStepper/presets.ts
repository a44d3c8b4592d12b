/**
 * The stepper's settings: the allowed values of every menu (one list each, read by the controls
 * and by the share-link schema alike), the limits of every typed number, and the presets.
 */
import { z } from '../../lib/zod.ts';
import { XOR_WEIGHTS } from '../XorHidden/xor-example.ts';

/** Network shapes: two inputs, two hidden units, one or two outputs. */
export const ARCHS = ['2-2-1', '2-2-2'] as const;
export type Arch = (typeof ARCHS)[number];
/** Hidden activations the stepper explains (the output unit is always a sigmoid). */
export const HIDDEN = ['sigmoid', 'tanh', 'relu'] as const;
export type Hidden = (typeof HIDDEN)[number];
export const LOSSES = ['bce', 'mse'] as const;
export type StepperLoss = (typeof LOSSES)[number];
/** Learning rates the menu offers; links take exactly these. */
export const LEARNING_RATES = [0.1, 0.5, 1, 2, 5] as const;
export type LearningRate = (typeof LEARNING_RATES)[number];

/** Weights, biases and inputs are typed within ±PARAM_LIMIT; an update that would leave it is refused. */
export const PARAM_LIMIT = 50;
/** Most iterations a state may carry (a counter only: the weights already hold their effect). */
export const MAX_ITERATION = 100_000;

/** Units per layer, inputs first. */
export function sizesOf(arch: Arch): [number, number, number] {
  return arch === '2-2-1' ? [2, 2, 1] : [2, 2, 2];
}

/** Number of weights and biases of a shape. */
export function paramCount(arch: Arch): number {
  return arch === '2-2-1' ? 9 : 12;
}

const value = z.number().check(z.minimum(-PARAM_LIMIT), z.maximum(PARAM_LIMIT));

/** The whole state, as a share link carries it; weights in torch's layout (W⁽¹⁾ rows, b⁽¹⁾, W⁽²⁾ rows, b⁽²⁾). */
export const stepperSchema = z
  .strictObject({
    arch: z.enum(ARCHS),
    hidden: z.enum(HIDDEN),
    loss: z.enum(LOSSES),
    lr: z.literal(LEARNING_RATES),
    params: z.array(value).check(z.minLength(9), z.maxLength(12)),
    x: z.tuple([value, value]),
    y: z.array(z.number().check(z.minimum(0), z.maximum(1))).check(z.minLength(1), z.maxLength(2)),
    cursor: z.number().check(z.int(), z.minimum(0), z.maximum(200)),
    iteration: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_ITERATION)),
  })
  .check(
    z.refine((s) => s.params.length === paramCount(s.arch), { message: 'params must hold 9 values for 2-2-1 and 12 for 2-2-2' }),
    z.refine((s) => s.y.length === sizesOf(s.arch)[2], { message: 'y must hold one target per output' }),
  );
export type StepperState = z.infer<typeof stepperSchema>;

export const PRESETS = ['lesson', 'xor', 'symmetric', 'saturated', 'two-outputs'] as const;
export type PresetName = (typeof PRESETS)[number];

const LESSON_PARAMS = [0.6, -0.4, 0.2, 0.9, 0, -0.1, 0.7, -0.5, 0.1];
const [u1, u2] = XOR_WEIGHTS.hidden;
const v = XOR_WEIGHTS.output;

/** Each preset's starting state (cursor 0, iteration 0). */
export const PRESET_STATES: Record<PresetName, StepperState> = {
  // the lesson's worked example
  lesson: { arch: '2-2-1', hidden: 'sigmoid', loss: 'bce', lr: 0.5, params: LESSON_PARAMS, x: [1, 0.5], y: [1], cursor: 0, iteration: 0 },
  // chapter 4's hand-built XOR network on the input (0, 1)
  xor: { arch: '2-2-1', hidden: 'sigmoid', loss: 'bce', lr: 0.5, params: [u1[0], u1[1], u2[0], u2[1], u1[2], u2[2], v[0], v[1], v[2]], x: [0, 1], y: [1], cursor: 0, iteration: 0 },
  // every weight equal, every bias zero: the two hidden units are twins
  symmetric: { arch: '2-2-1', hidden: 'sigmoid', loss: 'bce', lr: 0.5, params: [0.5, 0.5, 0.5, 0.5, 0, 0, 0.5, 0.5, 0], x: [1, 0.5], y: [1], cursor: 0, iteration: 0 },
  // the output unit is confidently wrong (ŷ ≈ 0.001 for y = 1), under mean squared error
  saturated: { arch: '2-2-1', hidden: 'sigmoid', loss: 'mse', lr: 0.5, params: [0.6, -0.4, 0.2, 0.9, 0, -0.1, -4, -4, -2], x: [1, 0.5], y: [1], cursor: 0, iteration: 0 },
  // the worked example with a second output unit whose target is 0
  'two-outputs': {
    arch: '2-2-2', hidden: 'sigmoid', loss: 'bce', lr: 0.5,
    params: [0.6, -0.4, 0.2, 0.9, 0, -0.1, 0.7, -0.5, -0.3, 0.8, 0.1, 0], x: [1, 0.5], y: [1, 0], cursor: 0, iteration: 0,
  },
};

/** The weights of another shape: 2-2-1 → 2-2-2 adds an output unit (weights −0.3, 0.8, bias 0, target 0); back drops it. */
export function reshape(state: StepperState, arch: Arch): StepperState {
  if (state.arch === arch) return state;
  const p = state.params;
  if (arch === '2-2-2') {
    return { ...state, arch, params: [...p.slice(0, 6), p[6], p[7], -0.3, 0.8, p[8], 0], y: [state.y[0], 0] };
  }
  return { ...state, arch, params: [...p.slice(0, 6), p[6], p[7], p[10]], y: [state.y[0]] };
}

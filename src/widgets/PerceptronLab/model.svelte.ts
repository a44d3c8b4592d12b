/**
 * State of the perceptron lab: the weights, the chosen gate, the learning rate and a training run.
 * Every number shown comes from src/engine/perceptron.ts; this class only holds state, checks what
 * the reader types, and turns results into words.
 */
import { z } from '../../lib/zod.ts';
import {
  DEFAULT_MAX_EPOCHS,
  GATE_NAMES,
  biasThrough,
  computesGate,
  decisionLine,
  isFinished,
  linearlySeparable,
  misclassified,
  predict,
  startTraining,
  trainingEpoch,
  trainingRun,
  trainingStep,
  truthTable,
  weightedSum,
  type DecisionLine,
  type GateName,
  type Perceptron,
  type StepRecord,
  type TrainingState,
} from '../../engine/perceptron.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/perceptron.ts';
import { formatValue } from './format.ts';

/** The three parameters a reader sets. */
export type ParamName = 'w1' | 'w2' | 'b';
export const PARAM_NAMES: readonly ParamName[] = ['w1', 'w2', 'b'];

/** Range of the sliders and number fields; typed values outside it are clamped. */
export const PARAM_MIN = -3;
export const PARAM_MAX = 3;
/** Slider step; typed values are rounded to 0.01. */
export const PARAM_STEP = 0.05;
/** The learning rates the lab offers: its menu and its share links both take exactly these. */
export const LEARNING_RATES = [0.05, 0.1, 0.25, 0.5, 1] as const;
/** One of LEARNING_RATES. */
export type LearningRate = (typeof LEARNING_RATES)[number];
/** Training can carry weights a little past the slider range; shared links may hold up to this. */
export const STATE_LIMIT = 10;

/** The widget's whole state, as carried by a share link. */
export const perceptronStateSchema = z.strictObject({
  gate: z.enum(GATE_NAMES as [GateName, ...GateName[]]),
  w1: z.number().check(z.minimum(-STATE_LIMIT), z.maximum(STATE_LIMIT)),
  w2: z.number().check(z.minimum(-STATE_LIMIT), z.maximum(STATE_LIMIT)),
  b: z.number().check(z.minimum(-STATE_LIMIT), z.maximum(STATE_LIMIT)),
  lr: z.literal(LEARNING_RATES),
});
export type PerceptronState = z.infer<typeof perceptronStateSchema>;

/** First view: AND, with weights that make three of the four points fire (the lesson's start). */
export const DEFAULT_STATE: PerceptronState = { gate: 'AND', w1: 0.5, w2: 0.3, b: 0.2, lr: 0.1 };

/** One row of the live table: an input, its sum and output, and whether the output is right. */
export interface Row {
  index: number;
  input: [number, number];
  target: 0 | 1;
  sum: number;
  output: 0 | 1;
  correct: boolean;
}

/** What the lab says about the last value typed into a field. */
export interface FieldMessage {
  /** `invalid`: not used, the old value stays; `clamped`: used, but moved into the range. */
  kind: 'invalid' | 'clamped';
  text: string;
}

/** Outcome of parsing what the reader typed into a number field. */
export type ParseResult = { ok: true; value: number; clamped: boolean } | { ok: false };

/** Reads a typed number ("0.5", " -1,25 ", "2e-1"); clamps it to the range and rounds to 0.01. */
export function parseParam(raw: string | number, min = PARAM_MIN, max = PARAM_MAX): ParseResult {
  const text = typeof raw === 'number' ? String(raw) : raw.trim().replace(',', '.').replace('\u2212', '-');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { ok: false };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false };
  const clamped = Math.min(max, Math.max(min, value));
  return { ok: true, value: Math.round(clamped * 100) / 100 + 0, clamped: clamped !== value };
}

export class PerceptronModel {
  gate = $state<GateName>(DEFAULT_STATE.gate);
  w1 = $state(DEFAULT_STATE.w1);
  w2 = $state(DEFAULT_STATE.w2);
  b = $state(DEFAULT_STATE.b);
  lr = $state<LearningRate>(DEFAULT_STATE.lr);
  /** The training run; restarted from the current weights whenever the reader changes anything. */
  run = $state.raw<TrainingState>(startTraining(toPerceptron(DEFAULT_STATE)));
  /** The last learning-rule step, for the explanation and the highlighted sample. */
  last = $state.raw<StepRecord | null>(null);
  /** Epoch cap of the current run; raised when a separable gate is continued past it. */
  maxEpochs = $state(DEFAULT_MAX_EPOCHS);
  /** A message per field about the last thing typed there (clamped or rejected), or null. */
  messages = $state<Record<ParamName, FieldMessage | null>>({ w1: null, w2: null, b: null });

  constructor(initial: Partial<PerceptronState> = {}) {
    const parsed = perceptronStateSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    this.apply(parsed.success ? parsed.data : DEFAULT_STATE);
  }

  /** The perceptron the sliders describe. */
  get perceptron(): Perceptron {
    return { weights: [this.w1, this.w2], bias: this.b };
  }

  get samples() {
    return truthTable(this.gate);
  }

  /** Each input's weighted sum and output, live. */
  get rows(): Row[] {
    const p = this.perceptron;
    return this.samples.map((s, index) => {
      const sum = weightedSum(p, s.input);
      const output = predict(p, s.input);
      return { index, input: [s.input[0], s.input[1]], target: s.target, sum, output, correct: output === s.target };
    });
  }

  /** Indices of the points the current weights get wrong for the chosen gate. */
  get wrong(): number[] {
    return misclassified(this.perceptron, this.samples);
  }

  get line(): DecisionLine {
    return decisionLine(this.perceptron);
  }

  get separable(): boolean {
    return linearlySeparable(this.gate);
  }

  /** Whether the weights compute NAND: the lab's challenge. */
  get computesNand(): boolean {
    return computesGate(this.perceptron, 'NAND');
  }

  /** How many of the four NAND rows the weights get right. */
  get nandRight(): number {
    return 4 - misclassified(this.perceptron, truthTable('NAND')).length;
  }

  /** The line's equation as text, "0.5·x₁ + 0.3·x₂ − 0.2 = 0" (`subscripts` false: "x1", "x2"). */
  equation(subscripts = true): string {
    const [x1, x2] = subscripts ? ['x₁', 'x₂'] : ['x1', 'x2'];
    const signed = (value: number) => (value < 0 ? `\u2212 ${formatValue(-value)}` : `+ ${formatValue(value)}`);
    return `${formatValue(this.w1)}·${x1} ${signed(this.w2)}·${x2} ${signed(this.b)} = 0`;
  }

  /** The plot's text alternative: where the line is and which points lie on which side. */
  get description(): string {
    const line = this.line;
    const v = formatValue;
    let text: string;
    if (line.kind === 'none') text = t('perceptron.plot.line.none', { output: line.output });
    else if (line.kind === 'vertical') text = t('perceptron.plot.line.vertical', { at: v(line.at) });
    else if (line.kind === 'horizontal') text = t('perceptron.plot.line.horizontal', { at: v(line.at) });
    else {
      text = t('perceptron.plot.line.sloped', {
        equation: this.equation(false),
        x1: v(line.x1Intercept),
        x2: v(line.intercept),
      });
    }
    const rows = this.rows;
    const list = (keep: (r: Row) => boolean) => {
      const names = rows.filter(keep).map((r) => `(${r.input.join(', ')})`);
      return names.length > 0 ? names.join(', ') : t('perceptron.plot.none');
    };
    const parts = [
      text,
      t('perceptron.plot.fires', { list: list((r) => r.output === 1) }),
      t('perceptron.plot.silent', { list: list((r) => r.sum < 0) }),
    ];
    if (rows.some((r) => r.sum === 0)) parts.push(t('perceptron.plot.onLine', { list: list((r) => r.sum === 0) }));
    parts.push(t('perceptron.plot.wrongList', { gate: this.gate, list: list((r) => !r.correct) }));
    return parts.join(' ');
  }

  get converged(): boolean {
    return this.run.converged;
  }

  get capped(): boolean {
    return this.run.capped;
  }

  /** Whether Step and Epoch can do anything. */
  get canStep(): boolean {
    return !isFinished(this.run);
  }

  /** Whether "Train to the end" can do anything: a live run, or a separable gate stopped at the cap. */
  get canTrain(): boolean {
    return !isFinished(this.run) || (this.run.capped && this.separable);
  }

  /** Index of the sample the last step visited, or null before the first step of a run. */
  get currentIndex(): number | null {
    return this.last ? this.last.index : null;
  }

  /** One sentence for the status line. */
  get status(): string {
    const gate = this.gate;
    const run = this.run;
    if (run.converged) {
      return t('perceptron.status.converged', { epochs: run.epoch, gate, ...this.weightParams() });
    }
    if (run.capped) {
      return this.separable
        ? t('perceptron.status.cappedSeparable', { epochs: run.epoch, gate })
        : t('perceptron.status.cappedXor', { epochs: run.epoch });
    }
    if (this.last) {
      const r = this.last;
      const key = r.error === 0 ? 'perceptron.status.stepRight' : 'perceptron.status.stepWrong';
      return t(key, {
        epoch: run.next === 0 ? run.epoch : run.epoch + 1,
        input: `(${r.input.join(', ')})`,
        output: r.output,
        target: r.target,
      });
    }
    const wrong = this.wrong.length;
    return wrong === 0
      ? t('perceptron.status.computes', { gate })
      : t('perceptron.status.wrong', { gate, n: wrong });
  }

  /** What the last step did, in words, or '' before the first step. */
  get lastExplanation(): string {
    const r = this.last;
    if (!r) return '';
    const input = `(${r.input.join(', ')})`;
    if (r.error === 0) {
      return t('perceptron.last.right', { input, sum: formatValue(r.sum), output: r.output });
    }
    return t('perceptron.last.update', {
      input,
      sum: formatValue(r.sum),
      output: r.output,
      target: r.target,
      error: r.error > 0 ? '+1' : '\u22121',
      lr: formatValue(this.lr),
      w1: formatValue(r.after.weights[0]),
      w2: formatValue(r.after.weights[1]),
      b: formatValue(r.after.bias),
    });
  }

  private weightParams() {
    return { w1: formatValue(this.w1), w2: formatValue(this.w2), b: formatValue(this.b) };
  }

  /**
   * Sets w1, w2 or b from a slider (number) or a typed field (string). A value outside the range
   * is clamped, text that is not a number is refused; either way the field gets a message.
   * `live` (while typing): text that is not a number yet, like "-", is ignored without a message.
   */
  setParam(name: ParamName, raw: string | number, live = false): FieldMessage | null {
    const parsed = parseParam(raw);
    if (!parsed.ok) {
      if (live) return this.messages[name];
      const text = t('perceptron.input.invalid', { min: formatValue(PARAM_MIN), max: formatValue(PARAM_MAX) });
      this.messages[name] = { kind: 'invalid', text };
      return this.messages[name];
    }
    this.messages[name] = parsed.clamped
      ? { kind: 'clamped', text: t('perceptron.input.clamped', { value: formatValue(parsed.value) }) }
      : null;
    if (this[name] !== parsed.value) {
      this[name] = parsed.value;
      this.restartRun();
    }
    return this.messages[name];
  }

  /** Slides the line so that it passes through (x1, x2), keeping its direction (used by dragging). */
  moveLineThrough(x1: number, x2: number): void {
    if (!Number.isFinite(x1) || !Number.isFinite(x2) || (this.w1 === 0 && this.w2 === 0)) return;
    const b = biasThrough([this.w1, this.w2], [x1, x2]);
    this.setParam('b', b);
  }

  /** Chooses the gate whose truth table is drawn and trained on. */
  setGate(gate: GateName): void {
    if (!GATE_NAMES.includes(gate) || gate === this.gate) return;
    this.gate = gate;
    this.restartRun();
  }

  /** Sets the learning rate (one of LEARNING_RATES, checked by the link schema; anything else is ignored). */
  setLr(lr: number): void {
    const parsed = perceptronStateSchema.shape.lr.safeParse(Number(lr));
    if (!parsed.success || parsed.data === this.lr) return;
    const match = parsed.data;
    this.lr = match;
    this.restartRun();
  }

  /** Applies the learning rule to the next sample. */
  step(): void {
    const { state, record } = trainingStep(this.run, this.samples, this.options());
    this.commit(state, record);
  }

  /** Runs the rest of the current epoch. */
  epoch(): void {
    const { state, records } = trainingEpoch(this.run, this.samples, this.options());
    this.commit(state, records.at(-1) ?? null);
  }

  /** Trains until convergence or the cap; a separable gate stopped at the cap gets another round. */
  trainToEnd(): void {
    let run = this.run;
    if (run.capped && this.separable) {
      this.maxEpochs = run.epoch + DEFAULT_MAX_EPOCHS;
      run = { ...run, capped: false };
    }
    const { state, records } = trainingRun(run, this.samples, this.options());
    this.commit(state, records.at(-1) ?? null);
  }

  /** Back to the first view. */
  reset(): void {
    this.apply(DEFAULT_STATE);
    this.messages = { w1: null, w2: null, b: null };
  }

  /** The shareable state. */
  toState(): PerceptronState {
    return { gate: this.gate, w1: this.w1, w2: this.w2, b: this.b, lr: this.lr };
  }

  /** Restores a state validated by perceptronStateSchema. */
  fromState(state: PerceptronState): void {
    const parsed = perceptronStateSchema.safeParse(state);
    if (parsed.success) this.apply(parsed.data);
  }

  /** The truth table and the current outputs as CSV. */
  csv(): string {
    const lines = ['x1,x2,target,weighted_sum,output,correct'];
    for (const r of this.rows) lines.push([...r.input, r.target, r.sum, r.output, r.correct ? 1 : 0].join(','));
    lines.push('');
    lines.push(`# gate=${this.gate} w1=${this.w1} w2=${this.w2} b=${this.b} lr=${this.lr} epochs=${this.run.epoch}`);
    return lines.join('\n');
  }

  private options() {
    return { lr: this.lr, maxEpochs: this.maxEpochs };
  }

  private commit(state: TrainingState, record: StepRecord | null): void {
    this.run = state;
    if (record) this.last = record;
    const [w1, w2] = state.perceptron.weights;
    this.w1 = w1;
    this.w2 = w2;
    this.b = state.perceptron.bias;
  }

  private apply(state: PerceptronState): void {
    this.gate = state.gate;
    this.w1 = state.w1;
    this.w2 = state.w2;
    this.b = state.b;
    this.lr = state.lr;
    this.restartRun();
  }

  private restartRun(): void {
    this.run = startTraining(this.perceptron);
    this.last = null;
    this.maxEpochs = DEFAULT_MAX_EPOCHS;
  }
}

function toPerceptron(s: PerceptronState): Perceptron {
  return { weights: [s.w1, s.w2], bias: s.b };
}

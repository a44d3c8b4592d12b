/**
 * State of the backprop stepper: the network's shape, activation, loss, learning rate, weights,
 * input and target, and how far through the pass the learner has stepped. Every number comes from
 * the engine (backpropSteps for the pass, numericalLossGrad for the check); this class holds the
 * state, checks what is typed, and turns steps into words.
 */
import { backpropSteps, type BackpropPass, type BackpropStep, type Sym } from '../../engine/backprop-steps.ts';
import { createMLP, type MLP } from '../../engine/mlp.ts';
import { numericalLossGrad } from '../../engine/probe.ts';
import { relativeError } from '../../engine/gradient-check.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/stepper.ts';
import { formatNumber, symbolText, activationSymbol } from './format.ts';
import {
  ARCHS, HIDDEN, LOSSES, PARAM_LIMIT, PRESETS, PRESET_STATES, paramCount, reshape, sizesOf, stepperSchema,
  type Arch, type Hidden, type LearningRate, type PresetName, type StepperLoss, type StepperState,
} from './presets.ts';

/** A field the learner types into: parameter i, input k, or target j. */
export type FieldKey = `p${number}` | `x${number}` | `y${number}`;

/** What the stepper says about the last value typed into a field. */
export interface FieldMessage {
  kind: 'invalid' | 'clamped';
  text: string;
}

/** One row of the gradient table: a parameter, its gradient by backprop and by differences. */
export interface GradRow {
  index: number;
  name: string;
  value: number;
  grad: number;
  numeric: number;
  relError: number;
  updated: number;
  /** Whether the backward pass has reached this gradient (and the update this parameter). */
  shownGrad: boolean;
  shownUpdate: boolean;
}

/** Reads typed text as a number in [min, max], rounded to 4 decimals; null when it is not a number. */
export function parseTyped(raw: string | number, min: number, max: number): { value: number; clamped: boolean } | null {
  const text = typeof raw === 'number' ? String(raw) : raw.trim().replace(',', '.').replace(/\u2212/g, '-');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  const clamped = Math.min(max, Math.max(min, value));
  return { value: Math.round(clamped * 1e4) / 1e4 + 0, clamped: clamped !== value };
}

/** Central-difference step of the check beside every gradient. */
export const CHECK_H = 1e-6;
/** A relative error below this is agreement; above BUG_LEVEL it signals a mistake. */
export const GOOD_LEVEL = 1e-6;
export const BUG_LEVEL = 1e-3;

export class StepperModel {
  arch = $state<Arch>('2-2-1');
  hidden = $state<Hidden>('sigmoid');
  loss = $state<StepperLoss>('bce');
  lr = $state<LearningRate>(0.5);
  params = $state.raw<number[]>([]);
  x = $state.raw<[number, number]>([1, 0.5]);
  y = $state.raw<number[]>([1]);
  /** How many steps of the pass are done (0: none, steps.length: the update too). */
  cursor = $state(0);
  iteration = $state(0);
  preset = $state<PresetName | null>('lesson');
  messages = $state<Partial<Record<FieldKey, FieldMessage | null>>>({});
  /** The last update, for the status line, until anything else changes. */
  lastUpdate = $state.raw<{ before: number; after: number; count: number } | null>(null);
  /** A refused update, until anything else changes. */
  refused = $state(false);

  constructor(initial: Partial<StepperState> = {}) {
    const parsed = stepperSchema.safeParse({ ...PRESET_STATES.lesson, ...initial });
    this.apply(parsed.success ? parsed.data : PRESET_STATES.lesson);
  }

  get sizes(): [number, number, number] {
    return sizesOf(this.arch);
  }

  /** The network with the current weights (a fresh copy: the engine's numbers never share state). */
  network(params: readonly number[] = this.params): MLP {
    const net = createMLP({ sizes: this.sizes, hidden: this.hidden, output: 'sigmoid' });
    net.params.set(params);
    return net;
  }

  /** The whole pass for the current weights, input and target. */
  pass = $derived.by((): BackpropPass => backpropSteps(this.network(), this.x, this.y, this.loss, { lr: this.lr }));

  /** The central-difference gradient of every parameter, the check beside backprop's. */
  numeric = $derived.by((): Float64Array => numericalLossGrad(this.network(), [this.x], [this.y], this.loss, CHECK_H));

  get steps(): readonly BackpropStep[] {
    return this.pass.steps;
  }

  get total(): number {
    return this.pass.steps.length;
  }

  /** The step just done, or null before the first. */
  get current(): BackpropStep | null {
    return this.cursor > 0 ? this.pass.steps[this.cursor - 1] : null;
  }

  /** Whether step i is done. */
  done(i: number): boolean {
    return i < this.cursor;
  }

  /** The index of the step computing `key` (see stepKey), or -1. */
  indexOf(key: string): number {
    return this.pass.steps.findIndex((s) => stepKey(s) === key);
  }

  /** The value of the quantity `key` once its step is done, else null. */
  revealed(key: string): number | null {
    const i = this.indexOf(key);
    return i >= 0 && i < this.cursor ? this.pass.steps[i].value : null;
  }

  get phase(): BackpropStep['phase'] | 'ready' {
    return this.current?.phase ?? 'ready';
  }

  /** Which weight or bias parameter i is, by its index in `params` (torch's layout). */
  paramSym(i: number): Sym {
    const [n0, n1, n2] = this.sizes;
    const first = n0 * n1 + n1;
    const l = i < first ? 1 : 2;
    const inputs = l === 1 ? n0 : n1;
    const outputs = l === 1 ? n1 : n2;
    const r = i - (l === 1 ? 0 : first);
    if (r < inputs * outputs) return { q: 'w', l, j: Math.floor(r / inputs), k: r % inputs };
    return { q: 'b', l, j: r - inputs * outputs };
  }

  /** The name of a parameter, by its index in `params`. */
  paramName(i: number): string {
    return symbolText(this.paramSym(i), this.sizes);
  }

  /** The name of a step's quantity in the notation. */
  name(step: BackpropStep): string {
    if (step.phase === 'update') return symbolText(step.out, this.sizes);
    return symbolText(step.out, this.sizes, this.fSymbol(step.out.l ?? 0));
  }

  /** f's symbol in layer l: the output unit is a sigmoid; hidden units use the chosen activation. */
  fSymbol(l: number): string {
    return activationSymbol(l === this.sizes.length - 1 ? 'sigmoid' : this.hidden);
  }

  /** The gradient table: every parameter with backprop's gradient, the numerical one and their relative error. */
  get rows(): GradRow[] {
    const { grad, updated } = this.pass;
    const numeric = this.numeric;
    return this.params.map((value, index) => {
      const sym = this.paramSym(index);
      const tail = [sym.l, sym.j, sym.k].filter((v) => v !== undefined).join('-');
      const gradStep = this.indexOf(`g${sym.q}${tail}`);
      const updateStep = this.indexOf(`u${sym.q}${tail}`);
      return {
        index, name: symbolText(sym, this.sizes), value, grad: grad[index], numeric: numeric[index],
        relError: relativeError(grad[index], numeric[index]), updated: updated[index],
        shownGrad: gradStep >= 0 && gradStep < this.cursor, shownUpdate: updateStep >= 0 && updateStep < this.cursor,
      };
    });
  }

  /** Largest relative error between backprop and central differences over all parameters. */
  get worstRelError(): number {
    return Math.max(...this.rows.map((r) => r.relError));
  }

  /** The two hidden units have equal incoming weights and bias, and every output weighs them equally. */
  get symmetric(): boolean {
    const p = this.params;
    if (p[0] !== p[2] || p[1] !== p[3] || p[4] !== p[5]) return false;
    const outputs = this.sizes[2];
    for (let j = 0; j < outputs; j++) if (p[6 + 2 * j] !== p[7 + 2 * j]) return false;
    return true;
  }

  /** The challenge: every gradient smaller than 1e-4 in size while the loss stays above 0.5. */
  get stuck(): { flat: boolean; lossHigh: boolean } {
    return { flat: Math.max(...Array.from(this.pass.grad, Math.abs)) < 1e-4, lossHigh: this.pass.loss > 0.5 };
  }

  /** The status line: always the latest state. */
  get status(): string {
    if (this.refused) return t('stepper.status.refused', { limit: PARAM_LIMIT });
    if (this.cursor === 0 && this.lastUpdate) {
      const u = this.lastUpdate;
      return t(u.count === 1 ? 'stepper.status.updated' : 'stepper.status.updatedMany', {
        n: this.iteration + 1, count: u.count, before: formatNumber(u.before, 4), after: formatNumber(u.after, 4),
      });
    }
    const step = this.current;
    if (!step) return t('stepper.status.ready', { n: this.iteration + 1, total: this.total });
    return t('stepper.status.step', {
      i: this.cursor, total: this.total, phase: t(`stepper.phase.${step.phase}`), name: this.name(step), value: formatNumber(step.value, 4),
    });
  }

  private touched(): void {
    this.lastUpdate = null;
    this.refused = false;
  }

  /** One step forward through the pass. */
  next(): void {
    if (this.cursor < this.total) this.cursor++;
    this.touched();
  }

  /** One step back. */
  back(): void {
    if (this.cursor > 0) this.cursor--;
    this.touched();
  }

  /** Jumps so that `count` steps are done (clamped to the pass). */
  goTo(count: number): void {
    if (!Number.isFinite(count)) return;
    this.cursor = Math.min(this.total, Math.max(0, Math.round(count)));
    this.touched();
  }

  /** Finishes the phase under way (or the next one, between phases). */
  finishPhase(): void {
    const steps = this.pass.steps;
    const phase = this.cursor < this.total ? steps[this.cursor].phase : null;
    if (!phase) return;
    let end = this.cursor;
    while (end < this.total && steps[end].phase === phase) end++;
    this.goTo(end);
  }

  /**
   * Applies the update (every p ← p − η ∂L/∂p) `times` times on the same example, and starts the
   * next iteration at step 0. Refused if a weight would leave ±PARAM_LIMIT.
   */
  update(times = 1): void {
    const before = this.pass.loss;
    let params = this.params;
    for (let i = 0; i < times; i++) {
      const next = Array.from(backpropSteps(this.network(params), this.x, this.y, this.loss, { lr: this.lr }).updated, (v) => v + 0);
      if (!next.every((v) => Number.isFinite(v) && Math.abs(v) <= PARAM_LIMIT) || this.iteration + i + 1 > 100_000) {
        this.refused = true;
        this.lastUpdate = null;
        return;
      }
      params = next;
    }
    this.params = params;
    this.iteration += times;
    this.cursor = 0;
    this.preset = null;
    this.refused = false;
    this.lastUpdate = { before, after: this.pass.loss, count: times };
  }

  /** Sets a typed field: a parameter, an input or a target. Returns the field's message. */
  setField(key: FieldKey, raw: string | number, live = false): FieldMessage | null {
    const kind = key[0];
    const i = Number(key.slice(1));
    const [min, max] = kind === 'y' ? [0, 1] : [-PARAM_LIMIT, PARAM_LIMIT];
    const size = kind === 'p' ? this.params.length : kind === 'x' ? 2 : this.y.length;
    if (!Number.isInteger(i) || i < 0 || i >= size) return null;
    const parsed = parseTyped(raw, min, max);
    if (!parsed) {
      if (live) return this.messages[key] ?? null;
      this.messages[key] = { kind: 'invalid', text: t('stepper.input.invalid', { min: formatNumber(min), max: formatNumber(max) }) };
      return this.messages[key] ?? null;
    }
    this.messages[key] = parsed.clamped ? { kind: 'clamped', text: t('stepper.input.clamped', { value: formatNumber(parsed.value) }) } : null;
    const current = kind === 'p' ? this.params[i] : kind === 'x' ? this.x[i] : this.y[i];
    if (current !== parsed.value) {
      if (kind === 'p') this.params = this.params.map((v, n) => (n === i ? parsed.value : v));
      else if (kind === 'x') this.x = this.x.map((v, n) => (n === i ? parsed.value : v)) as [number, number];
      else this.y = this.y.map((v, n) => (n === i ? parsed.value : v));
      this.preset = null;
      this.touched();
    }
    return this.messages[key] ?? null;
  }

  /** Sets a menu value, checked against the same schema that reads links; anything else is ignored. */
  setOption(field: 'arch' | 'hidden' | 'loss' | 'lr', raw: unknown): void {
    const allowed = { arch: ARCHS, hidden: HIDDEN, loss: LOSSES, lr: null }[field];
    const value = field === 'lr' ? Number(raw) : raw;
    const candidate = { ...this.toState(), [field]: value };
    const next = field === 'arch' && (ARCHS as readonly unknown[]).includes(value) ? reshape(this.toState(), value as Arch) : candidate;
    if (allowed && !(allowed as readonly unknown[]).includes(value)) return;
    const parsed = stepperSchema.safeParse(next);
    if (!parsed.success) return;
    if (JSON.stringify(parsed.data) === JSON.stringify(this.toState())) return;
    this.apply({ ...parsed.data, cursor: Math.min(this.cursor, 200) });
    this.cursor = Math.min(this.cursor, this.total);
    this.preset = null;
    this.touched();
  }

  /** Loads a preset (one of PRESETS): its weights, input, target and settings, at step 0. */
  loadPreset(name: PresetName): void {
    if (!PRESETS.includes(name)) return;
    this.apply(PRESET_STATES[name]);
    this.preset = name;
    this.messages = {};
    this.touched();
  }

  /** Back to the first view (the lesson's example). */
  reset(): void {
    this.loadPreset('lesson');
  }

  /** The shareable state. */
  toState(): StepperState {
    return {
      arch: this.arch, hidden: this.hidden, loss: this.loss, lr: this.lr, params: [...this.params],
      x: [this.x[0], this.x[1]], y: [...this.y], cursor: this.cursor, iteration: this.iteration,
    };
  }

  /** Restores a state validated by stepperSchema (the cursor is clamped to the pass). */
  fromState(state: StepperState): void {
    const parsed = stepperSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    this.apply(parsed.data);
    this.preset = null;
    this.messages = {};
    this.touched();
  }

  /** The pass as CSV: one row per step. */
  csv(): string {
    const lines = ['step,phase,quantity,value'];
    this.pass.steps.forEach((s, i) => lines.push(`${i + 1},${s.phase},"${this.name(s)}",${s.value}`));
    lines.push('', 'parameter,value,grad_backprop,grad_numeric,relative_error,after_update');
    for (const r of this.rows) lines.push(`"${r.name}",${r.value},${r.grad},${r.numeric},${r.relError},${r.updated}`);
    lines.push('', `# arch=${this.arch} hidden=${this.hidden} output=sigmoid loss=${this.loss} lr=${this.lr} x=${this.x.join(' ')} y=${this.y.join(' ')} iteration=${this.iteration}`);
    return lines.join('\n');
  }

  private apply(state: StepperState): void {
    this.arch = state.arch;
    this.hidden = state.hidden;
    this.loss = state.loss;
    this.lr = state.lr;
    this.params = [...state.params];
    this.x = [state.x[0], state.x[1]];
    this.y = [...state.y];
    this.iteration = state.iteration;
    this.cursor = Math.min(state.cursor, this.total);
  }
}

/** A key naming the quantity a step computes: "z1-0", "a2-0", "L", "delta1-1", "gw2-0-1", "uw1-0-0" (update). */
export function stepKey(step: BackpropStep): string {
  const { q, l, j, k } = step.out;
  const tail = [l, j, k].filter((v) => v !== undefined).join('-');
  return step.phase === 'update' ? `u${q}${tail}` : `${q}${tail}`;
}

export { paramCount };

import { describe, expect, test } from 'vitest';
import { createMLP, numericalLossGrad } from '../../src/engine/index.ts';
import { StepperModel, parseTyped, stepKey } from '../../src/widgets/BackpropStepper/model.svelte.ts';
import { ARCHS, HIDDEN, LEARNING_RATES, LOSSES, PRESETS, PRESET_STATES, stepperSchema } from '../../src/widgets/BackpropStepper/presets.ts';
import { explainStep } from '../../src/widgets/BackpropStepper/explain.ts';
import { graphText } from '../../src/widgets/BackpropStepper/graph-view.ts';

const valueOf = (m: StepperModel, key: string) => m.steps[m.indexOf(key)].value;

describe('StepperModel shows the engine’s numbers', () => {
  test.each(PRESETS)('preset %s: every forward value equals net.trace and every gradient numericalLossGrad', (name) => {
    const m = new StepperModel();
    m.loadPreset(name);
    const net = createMLP({ sizes: m.sizes, hidden: m.hidden, output: 'sigmoid' });
    net.params.set(m.params);
    const trace = net.trace(m.x, m.y, m.loss);
    trace.layers.forEach((layer, l) => {
      layer.z.forEach((z, j) => expect(valueOf(m, `z${l + 1}-${j}`)).toBeCloseTo(z, 14));
      layer.a.forEach((a, j) => expect(valueOf(m, `a${l + 1}-${j}`)).toBeCloseTo(a, 14));
      layer.delta.forEach((d, j) => expect(valueOf(m, `delta${l + 1}-${j}`)).toBeCloseTo(d, 14));
    });
    expect(valueOf(m, 'L')).toBeCloseTo(trace.loss, 14);
    const numeric = numericalLossGrad(net, [m.x], [m.y], m.loss, 1e-6);
    m.rows.forEach((row, i) => {
      expect(row.grad).toBeCloseTo(trace.grad[i], 14);
      expect(row.numeric).toBe(numeric[i]);
      expect(Math.abs(row.grad - row.numeric)).toBeLessThan(1e-7);
    });
  });

  test('the worked example at step 10 shows δ⁽²⁾ = ŷ − y = −0.4497 and the status names it', () => {
    const m = new StepperModel();
    for (let i = 0; i < 10; i++) m.next();
    expect(m.current?.out).toEqual({ q: 'delta', l: 2, j: 0 });
    expect(m.status).toBe('Step 10 of 34 (Backward pass): δ⁽²⁾ = −0.4497.');
    const e = explainStep(m.current!, { sizes: m.sizes, hidden: m.hidden, loss: m.loss });
    expect(`${e.lhs} ${e.symbolic} = ${e.numeric} ${e.equals} ${e.result}`).toBe('δ⁽²⁾ = ∂L/∂ŷ · σ′(z⁽²⁾) = (−1.8171) × 0.24747 = −0.4497');
    expect(e.shortcut).toBe('ŷ − y');
  });

  test('update() moves the loss as one gradient step predicts and starts the next iteration', () => {
    const m = new StepperModel();
    const before = m.pass.loss;
    const expected = Array.from(m.pass.updated);
    m.goTo(m.total);
    m.update();
    expect(m.params).toEqual(expected);
    expect(m.iteration).toBe(1);
    expect(m.cursor).toBe(0);
    expect(m.pass.loss).toBeCloseTo(0.43056651197425, 12);
    expect(m.status).toBe('Updated. Iteration 2 starts: the loss on this example went from 0.5972 to 0.4306.');
    m.next();
    expect(m.status).toMatch(/^Step 1 of 34/); // the status follows the latest action
    expect(before).toBeCloseTo(0.597232931904315, 14);
  });

  test('editing a weight changes every value downstream of it, and only those', () => {
    const m = new StepperModel();
    m.goTo(m.total);
    const old = Object.fromEntries(m.steps.map((s) => [stepKey(s), s.value]));
    m.setField('p2', '1.5'); // w⁽¹⁾₂₁
    const now = Object.fromEntries(m.steps.map((s) => [stepKey(s), s.value]));
    expect(now['z1-0']).toBe(old['z1-0']);
    expect(now['a1-0']).toBe(old['a1-0']);
    for (const key of ['z1-1', 'a1-1', 'z2-0', 'a2-0', 'L', 'delta2-0', 'gw2-0-0', 'delta1-0', 'gw1-0-0']) expect(now[key]).not.toBe(old[key]);
    expect(m.cursor).toBe(m.total);
    expect(m.preset).toBeNull();
  });

  test('symmetric: all-equal weights stay twins through 10 updates, and one edit breaks the tie', () => {
    const m = new StepperModel();
    m.loadPreset('symmetric');
    expect(m.symmetric).toBe(true);
    m.update(10);
    expect(m.symmetric).toBe(true);
    expect(m.params[0]).not.toBe(0.5);
    m.setField('p0', String(m.params[0] + 0.01));
    m.update(3);
    expect(m.symmetric).toBe(false);
  });

  test('the challenge: saturated MSE output has every gradient below 1e-4 with loss above 0.5; BCE does not', () => {
    const m = new StepperModel();
    m.loadPreset('saturated');
    m.setField('p6', '-8');
    m.setField('p7', '-8');
    m.setField('p8', '-4');
    expect(m.stuck).toEqual({ flat: true, lossHigh: true });
    m.setOption('loss', 'bce');
    expect(m.stuck.flat).toBe(false);
  });
});

describe('StepperModel checks what it is given', () => {
  test('parseTyped reads numbers, clamps to the range and refuses text', () => {
    expect(parseTyped('0,25', -50, 50)).toEqual({ value: 0.25, clamped: false });
    expect(parseTyped('\u22120.4', -50, 50)).toEqual({ value: -0.4, clamped: false });
    expect(parseTyped('99', -50, 50)).toEqual({ value: 50, clamped: true });
    for (const bad of ['', 'abc', '-', '1/2', 'NaN', '1e999']) expect(parseTyped(bad, -50, 50)).toBeNull();
  });

  test('setField with bad text keeps the value and says so; with a far value it clamps', () => {
    const m = new StepperModel();
    expect(m.setField('p0', 'abc')).toEqual({ kind: 'invalid', text: 'type a number from −50 to 50; the old value stays.' });
    expect(m.params[0]).toBe(0.6);
    expect(m.setField('y0', '3')?.kind).toBe('clamped');
    expect(m.y[0]).toBe(1);
    expect(m.setField('p1', '-', true)).toBeNull(); // while typing, no message yet
  });

  test('setOption accepts exactly the menus’ values, the same the link schema accepts', () => {
    const m = new StepperModel();
    for (const lr of [0.3, 7, Number.NaN]) {
      m.setOption('lr', lr);
      expect(m.lr).toBe(0.5);
      expect(stepperSchema.safeParse({ ...m.toState(), lr }).success).toBe(false);
    }
    for (const lr of LEARNING_RATES) {
      m.setOption('lr', lr);
      expect(m.lr).toBe(lr);
      expect(stepperSchema.safeParse(m.toState()).success).toBe(true);
    }
    m.setOption('hidden', 'gelu');
    m.setOption('loss', 'hinge');
    m.setOption('arch', '3-3-1');
    expect([m.hidden, m.loss, m.arch]).toEqual(['sigmoid', 'bce', '2-2-1']);
    for (const h of HIDDEN) for (const l of LOSSES) for (const a of ARCHS) {
      m.setOption('hidden', h);
      m.setOption('loss', l);
      m.setOption('arch', a);
      expect([m.hidden, m.loss, m.arch]).toEqual([h, l, a]);
      expect(stepperSchema.safeParse(m.toState()).success).toBe(true);
    }
  });

  test('toState / fromState round-trip the whole state, weights and cursor included', () => {
    const m = new StepperModel();
    m.loadPreset('two-outputs');
    m.setField('p9', '0.123');
    m.goTo(17);
    m.update();
    m.goTo(5);
    const state = m.toState();
    const copy = new StepperModel();
    copy.fromState(JSON.parse(JSON.stringify(state)));
    expect(copy.toState()).toEqual(state);
    expect(() => copy.fromState({ ...state, params: state.params.slice(0, 9) })).toThrow(/params/);
  });

  test('an update that would carry a weight past ±50 is refused with a message', () => {
    const m = new StepperModel();
    m.setOption('lr', 5);
    // hidden units at 0.5 each, output sum 0: δ⁽²⁾ = −0.5, so w⁽²⁾₁₁ would grow by 5 × 0.25 past 50
    ['0', '0', '0', '0', '0', '0', '49.99', '-49.99', '0'].forEach((v, i) => m.setField(`p${i}`, v));
    m.update();
    expect(m.refused).toBe(true);
    expect(m.params[6]).toBe(49.99);
    expect(m.status).toMatch(/refused/);
  });
});

describe('graphText', () => {
  test('graphText reveals values step by step and marks the current element and its operands', () => {
    const s = PRESET_STATES.lesson;
    const m = new StepperModel();
    const syms = m.params.map((_, i) => m.paramSym(i));
    const at0 = graphText(m.steps, 0, m.sizes, s.x, s.y, syms, m.params);
    expect(at0.boxes['u1-0'].map((l) => l.value)).toEqual([null, null, null]);
    expect(at0.current).toBeNull();
    const at1 = graphText(m.steps, 1, m.sizes, s.x, s.y, syms, m.params);
    expect(at1.boxes['u1-0'][0].value).toBe('0.4');
    expect(at1.current).toBe('u1-0');
    expect(at1.operands).toEqual(['w1-0-0', 'x0', 'w1-0-1', 'x1', 'b1-0']);
    const all = graphText(m.steps, m.total, m.sizes, s.x, s.y, syms, m.params);
    expect(all.params['w2-0-0']).toEqual({ name: 'w⁽²⁾₁₁', value: '0.7', grad: '−0.2692', updated: '0.8346' });
    expect(all.boxes.loss[0].value).toBe('0.5972');
  });
});

import { describe, expect, test } from 'vitest';
import * as engine from '../../src/engine/index.ts';
import { MAX_OUTPUTS } from '../../src/notebook/protocol.ts';
import type { Output } from '../../src/notebook/protocol.ts';
import { Runtime } from '../../src/notebook/runtime.ts';

/** Runs `source` and returns its status and outputs. */
async function run(rt: Runtime, source: string) {
  const outputs: Output[] = [];
  const result = await rt.run(source, (o) => outputs.push(o));
  return { status: result.status, outputs, texts: outputs.flatMap((o) => (o.kind === 'text' ? [o.text] : [])) };
}

describe('Runtime', () => {
  test('run: print writes values, the last expression is the result, numbers keep every digit', async () => {
    const rt = new Runtime({});
    const r = await run(rt, "print('sum', 0.1 + 0.2, [1, 2], new Float64Array([0.5]))\n2 ** 0.5");
    expect(r.status).toBe('ok');
    expect(r.outputs).toEqual([
      { kind: 'text', stream: 'out', text: 'sum 0.30000000000000004 [1, 2] Float64Array(1) [0.5]' },
      { kind: 'text', stream: 'result', text: '1.4142135623730951' },
    ]);
  });

  test('run: cells share their top-level names in run order, functions and classes included; reset forgets them', async () => {
    const rt = new Runtime({});
    await run(rt, 'const a: number = 2\nfunction sq(x: number) { return x * x }\nclass Box { v = 7 }');
    expect((await run(rt, 'sq(a) + new Box().v')).texts).toEqual(['11']);
    expect((await run(rt, 'a = 5\nsq(a)')).texts).toEqual(['25']);
    rt.reset();
    const after = await run(rt, 'a');
    expect(after.status).toBe('error');
    expect(after.outputs[0]).toMatchObject({ kind: 'error', name: 'ReferenceError', message: 'a is not defined', line: 1 });
  });

  test('run: the engine is in scope, and a network built in one cell trains in the next', async () => {
    const rt = new Runtime(engine as unknown as Record<string, unknown>);
    await run(rt, "const data = dataset('xor')\nconst net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 })");
    const r = await run(rt, "const trainer = createTrainer({ net, data, optimizer: { kind: 'adam', lr: 0.05 }, loss: 'bce' })\ntrainer.run(300)\nnet.evaluate(data.train.x, data.train.y, 'bce').accuracy");
    const direct = engine.createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
    const data = engine.dataset('xor');
    engine.createTrainer({ net: direct, data, optimizer: { kind: 'adam', lr: 0.05 }, loss: 'bce' }).run(300);
    expect(r.texts).toEqual([String(direct.evaluate(data.train.x, data.train.y, 'bce').accuracy)]);
  });

  test('run: a runtime error names the line and column in the learner’s code, also inside a function', async () => {
    const rt = new Runtime({});
    const r = await run(rt, 'const x = 1\nfunction g() {\n  return missing + x\n}\ng()');
    expect(r.outputs).toEqual([{ kind: 'error', name: 'ReferenceError', message: 'missing is not defined', line: 3, column: 3 }]);
    const thrown = await run(rt, "throw 'boom'");
    expect(thrown.outputs[0]).toMatchObject({ kind: 'error', message: 'the code threw "boom"' });
  });

  test('run: a syntax error is reported before anything runs', async () => {
    const rt = new Runtime({});
    const r = await run(rt, "print('never')\nconst = 3");
    expect(r.status).toBe('error');
    expect(r.outputs).toHaveLength(1);
    expect(r.outputs[0]).toMatchObject({ kind: 'error', name: 'SyntaxError', line: 2 });
  });

  test('run: top-level await works', async () => {
    const rt = new Runtime({});
    expect((await run(rt, 'await new Promise((r) => setTimeout(r, 5))\n42')).texts).toEqual(['42']);
  });

  test('run: a million prints are cut at the limit with a notice, and the result still shows', async () => {
    const rt = new Runtime({});
    const r = await run(rt, "for (let i = 0; i < 1e6; i++) print(i)\n'done'");
    expect(r.outputs.filter((o) => o.kind === 'text' && o.stream === 'out')).toHaveLength(MAX_OUTPUTS);
    expect(r.outputs.at(-2)).toEqual({ kind: 'text', stream: 'result', text: '"done"' });
    expect(r.outputs.at(-1)).toMatchObject({ kind: 'notice', text: expect.stringMatching(/999500 more outputs were dropped/) });
  });

  test('table: rows of objects or arrays; missing cells empty; long tables say how many rows are left', async () => {
    const rt = new Runtime({});
    const r = await run(rt, "table([{ a: 1, b: 'x' }, { a: 2.5 }])\ntable([[1, 2], [3, 4]])\ntable(Array.from({ length: 250 }, (_, i) => ({ i })))");
    expect(r.outputs[0]).toEqual({ kind: 'table', columns: ['a', 'b'], rows: [['1', 'x'], ['2.5', '']], more: 0 });
    expect(r.outputs[1]).toEqual({ kind: 'table', columns: ['0', '1'], rows: [['1', '2'], ['3', '4']], more: 0 });
    expect(r.outputs[2]).toMatchObject({ kind: 'table', more: 50 });
  });

  test('plot: y alone, x and y, or named series; non-finite points are dropped', async () => {
    const rt = new Runtime({});
    const r = await run(rt, "plot([1, 4, NaN, 16], { title: 'squares', logY: true })\nplot([0, 2], [5, 6], { label: 'line' })\nplot([{ label: 'a', y: [1] }, { label: 'b', y: [2] }])");
    expect(r.outputs[0]).toEqual({ kind: 'line', title: 'squares', xLabel: 'x', yLabel: 'y', logX: false, logY: true, series: [{ label: 'series 1', points: [{ x: 0, y: 1 }, { x: 1, y: 4 }, { x: 3, y: 16 }] }] });
    expect(r.outputs[1]).toMatchObject({ series: [{ label: 'line', points: [{ x: 0, y: 5 }, { x: 2, y: 6 }] }] });
    expect(r.outputs[2]).toMatchObject({ series: [{ label: 'a' }, { label: 'b' }] });
    const bad = await run(rt, "plot('nope')");
    expect(bad.outputs[0]).toMatchObject({ kind: 'error', name: 'TypeError', message: expect.stringMatching(/plot needs numbers/) });
  });

  test('heatmap: a function sampled at cell centres, row 0 at the top; a network through predictGrid', async () => {
    const rt = new Runtime(engine as unknown as Record<string, unknown>);
    const r = await run(rt, 'heatmap((x, y) => x + 2 * y, { cells: 3 })');
    expect(r.outputs[0]).toEqual({ kind: 'heatmap', title: '', values: [1, 2, 3, -1, 0, 1, -3, -2, -1], cols: 3, rows: 3, extent: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 }, domain: [-3, 3], points: [] });
    const n = await run(rt, "const d = dataset('circle', { n: 20 })\nconst m = createMLP({ sizes: [2, 2, 1], hidden: 'tanh', output: 'sigmoid' })\nheatmap(m, { cells: 4, points: d.train })");
    const out = n.outputs[0] as Extract<Output, { kind: 'heatmap' }>;
    const net = engine.createMLP({ sizes: [2, 2, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(out.values).toEqual(Array.from(net.predictGrid([-1.125, -0.375, 0.375, 1.125], [1.125, 0.375, -0.375, -1.125])));
    expect(out.points).toHaveLength(20);
    expect((await run(rt, 'heatmap(() => NaN)')).outputs[0]).toMatchObject({ kind: 'error', name: 'RangeError' });
  });

  test('scatter: points grouped by label', async () => {
    const rt = new Runtime({});
    const r = await run(rt, 'scatter([[0, 0, 1], [1, 1, 0], { x: 2, y: 2, label: 1 }])');
    expect(r.outputs[0]).toMatchObject({ kind: 'scatter', groups: [{ label: '1', points: [{ x: 0, y: 0 }, { x: 2, y: 2 }] }, { label: '0', points: [{ x: 1, y: 1 }] }] });
  });
});

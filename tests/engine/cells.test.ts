/**
 * Every notebook cell of the lessons (content/cells/*.ts), run as the page's kernel runs it: one
 * Runtime per lesson with the engine's API in scope, the cells in the order the lesson shows them.
 * Each cell must finish without an error, and every number the lesson's prose says a cell prints
 * (with its default code, and after each edit the prose suggests) is asserted here exactly as the
 * cell prints it, and looked for in the lesson's text. No cell file may be left out of a lesson.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import * as engine from '../../src/engine/index.ts';
import type { Output } from '../../src/notebook/protocol.ts';
import { Runtime } from '../../src/notebook/runtime.ts';

const root = new URL('../../', import.meta.url);
const cellDir = new URL('content/cells/', root);
const lessonDir = new URL('content/lessons/', root);
const cellIds = readdirSync(cellDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const lessons = readdirSync(lessonDir).filter((f) => f.endsWith('.mdx')).sort();
const lessonText = (file: string) => readFileSync(new URL(file, lessonDir), 'utf8');
const source = (id: string) => readFileSync(new URL(`${id}.ts`, cellDir), 'utf8');

/** The cells a lesson embeds, in page order: `import X from '../cells/<id>.ts?raw'` and `<CodeCell id="<id>" code={X}`. */
function embedded(file: string): string[] {
  const text = lessonText(file);
  const imports = new Map([...text.matchAll(/^import (\w+) from '\.\.\/cells\/([a-z0-9-]+)\.ts\?raw';$/gm)].map((m) => [m[1], m[2]]));
  return [...text.matchAll(/<CodeCell\s+id="([a-z0-9-]+)"\s+code=\{(\w+)\}/g)].map((m) => {
    expect(imports.get(m[2]), `${file}: <CodeCell id="${m[1]}"> should take the code imported from ../cells/${m[1]}.ts?raw`).toBe(m[1]);
    return m[1];
  });
}
const pages = Object.fromEntries(lessons.map((file) => [file, embedded(file)]));

/** What one cell's run produced: its status, every output, and its text lines (print and result). */
interface CellResult {
  status: 'ok' | 'error';
  outputs: Output[];
  text: string[];
  ms: number;
}

/** Runs cells one after another in one kernel, as a learner pressing Run on each in turn. */
async function runAll(sources: string[]): Promise<CellResult[]> {
  const runtime = new Runtime(engine as unknown as Record<string, unknown>);
  const results: CellResult[] = [];
  for (const code of sources) {
    const outputs: Output[] = [];
    const start = performance.now();
    const { status } = await runtime.run(code, (o) => outputs.push(o));
    const text = outputs.flatMap((o) => (o.kind === 'text' ? [o.text] : []));
    results.push({ status, outputs, text, ms: performance.now() - start });
  }
  return results;
}

/** A cell's source with one edit the prose suggests; the text to replace must be there. */
function edit(code: string, from: string, to: string): string {
  expect(code, `the cell should contain ${JSON.stringify(from)}`).toContain(from);
  return code.replace(from, to);
}

/** The lesson (by chapter number) must quote this text. */
function quoted(chapter: number, text: string): void {
  const file = lessons.find((f) => f.startsWith(`0${chapter}-`))!;
  expect(lessonText(file), `${file} should say ${JSON.stringify(text)}`).toContain(text);
}

describe('every cell file is embedded by a lesson', () => {
  test.each(cellIds)('%s is shown in a lesson, with its ?raw import', (id) => {
    const users = lessons.filter((file) => pages[file].includes(id));
    expect(users.length, `no lesson embeds content/cells/${id}.ts`).toBeGreaterThan(0);
  });
  test('every <CodeCell> points at a cell file', () => {
    for (const ids of Object.values(pages)) for (const id of ids) expect(cellIds).toContain(id);
  });
});

describe.each(lessons.filter((f) => pages[f].length > 0))('%s: its cells in page order', (file) => {
  const ids = pages[file];
  let results: CellResult[];
  beforeAll(async () => {
    results = await runAll(ids.map(source));
  });
  test.each(ids.map((id, i) => [id, i] as const))('%s runs without an error, well under the time limit', (id, i) => {
    const r = results[i];
    expect(r.outputs.filter((o) => o.kind === 'error' || o.kind === 'notice'), id).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.ms).toBeLessThan(2_000);
  });
});

describe('chapter 1: the feature lab in code', () => {
  test('ch1-features prints 55.0% without features and 100.0% with x₁², x₂²', async () => {
    const [r] = await runAll([source('ch1-features')]);
    expect(r.text).toEqual(['x₁, x₂ only:        test accuracy 55.0%', 'with x₁² and x₂²:   test accuracy 100.0%']);
    quoted(1, '55.0% and 100.0%, the lab\'s numbers');
  });
  test.each([
    ["['sinx1', 'sinx2']", '56.5%'],
    ["['x1sq', 'x1x2']", '82.0%'],
  ])('ch1-features with %s reaches %s', async (features, accuracy) => {
    const [r] = await runAll([edit(source('ch1-features'), "['x1sq', 'x2sq']", features)]);
    expect(r.text[1]).toBe(`with x₁² and x₂²:   test accuracy ${accuracy}`);
    quoted(1, `\`${features}\``);
    quoted(1, accuracy);
  });
  test('ch1-boundary prints the weights −0.12, 0.14, −14.80, −15.43, bias 5.43, r ≈ 0.61, and draws a heatmap', async () => {
    const [, r] = await runAll([source('ch1-features'), source('ch1-boundary')]);
    expect(r.text).toEqual([
      'x₁     -0.12',
      'x₂     0.14',
      'x₁²    -14.80',
      'x₂²    -15.43',
      'bias   5.43',
      'the boundary crosses the x₁ axis near r = 0.61',
    ]);
    const map = r.outputs.find((o) => o.kind === 'heatmap');
    expect(map?.kind === 'heatmap' && map.points.length).toBe(200);
    for (const s of ['$-14.80$', '$-15.43$', '$5.43$', '$-0.12$', '$0.14$', '$r = 0.61$']) quoted(1, s);
  });
});

describe('chapter 2: the perceptron rule by hand and in the engine', () => {
  test('ch2-perceptron-rule prints 3 epochs (3, 2, 0 mistakes) ending at the table’s weights plus floating-point crumbs', async () => {
    const [r] = await runAll([source('ch2-perceptron-rule')]);
    expect(r.text).toEqual([
      'epoch 1: mistakes 3, w = [0.4, 0.19999999999999998], b = -0.1',
      'epoch 2: mistakes 2, w = [0.30000000000000004, 0.09999999999999998], b = -0.30000000000000004',
      'epoch 3: mistakes 0, w = [0.30000000000000004, 0.09999999999999998], b = -0.30000000000000004',
    ]);
    quoted(2, 'with 3, 2 and 0 mistakes');
    quoted(2, '`[0.30000000000000004, 0.09999999999999998]` and the bias `-0.30000000000000004`');
  });
  test('ch2-perceptron-engine agrees at η = 0.1: 3 epochs, w = (0.3, 0.1), b = −0.3', async () => {
    const [, r] = await runAll([source('ch2-perceptron-rule'), source('ch2-perceptron-engine')]);
    expect(r.text).toEqual(['engine: epochs 3 with mistakes [3, 2, 0]', 'engine: w = [0.3, 0.1] b = -0.3', '"every step fires alike"']);
    quoted(2, '`"every step fires alike"`');
    quoted(2, '$w_1 = 0.3$, $w_2 = 0.1$, $b = -0.3$');
  });
  test('at η = 0.7 the hand rule needs 4 epochs and the engine 2: step 3’s sum is 5.551115123125783e-17 instead of 0', async () => {
    const [hand, r] = await runAll([edit(source('ch2-perceptron-rule'), 'const eta = 0.1;', 'const eta = 0.7;'), source('ch2-perceptron-engine')]);
    expect(hand.text.length).toBe(4);
    expect(hand.text[3]).toMatch(/^epoch 4: mistakes 0,/);
    expect(r.text).toEqual([
      'engine: epochs 2 with mistakes [1, 0]',
      'engine: w = [0.5, 0.3] b = -0.5',
      '"step 3: z = 5.551115123125783e-17 by hand, 0 in the engine"',
    ]);
    expect(0.5 + (0.2 - 0.7)).toBe(5.551115123125783e-17);
    quoted(2, 'by hand the\nrule needs 4 epochs, the engine 2');
    quoted(2, '`5.551115123125783e-17`');
  });
});

describe('chapter 3: vanishing gradients, measured', () => {
  const chainRows = (r: CellResult) => {
    const t = r.outputs.find((o) => o.kind === 'table');
    if (t?.kind !== 'table') throw new Error('ch3-sigmoid-chain should print a table');
    return t;
  };
  test('ch3-sigmoid-chain: with w = 1 the gradient left at each layer is exactly 0.25ⁿ⁻ˡ, 9.5367431640625e-7 at the input', async () => {
    const [r] = await runAll([source('ch3-sigmoid-chain')]);
    const t = chainRows(r);
    expect(t.columns).toEqual(['l', 'σ′(z⁽ˡ⁾)', 'gradient left', '(0.25·w)ⁿ⁻ˡ']);
    expect(t.rows.length).toBe(11);
    for (const row of t.rows) expect(row[2]).toBe(row[3]);
    expect(t.rows[0]).toEqual(['0', '', '9.5367431640625e-7', '9.5367431640625e-7']);
    expect(t.rows.slice(1).every((row) => row[1] === '0.25')).toBe(true);
    expect(t.rows[10]).toEqual(['10', '0.25', '1', '1']);
    quoted(3, '`9.5367431640625e-7` at the input');
  });
  test('ch3-sigmoid-chain: w = 4 loses nothing, w = 5 grows to 9.313225746154785 at the input', async () => {
    const [four] = await runAll([edit(source('ch3-sigmoid-chain'), 'const w = 1;', 'const w = 4;')]);
    expect(chainRows(four).rows.every((row) => row[2] === '1')).toBe(true);
    const [five] = await runAll([edit(source('ch3-sigmoid-chain'), 'const w = 1;', 'const w = 5;')]);
    expect(chainRows(five).rows[0][2]).toBe('9.313225746154785');
    quoted(3, 'Change `w` to `4`');
    quoted(3, 'to `9.313225746154785`');
  });
  test('ch3-gradient-flow prints 7.2e-7 (sigmoid), 0.16 (tanh), 0.39 (ReLU), and plots four series of 11 layers', async () => {
    const [, r] = await runAll([source('ch3-sigmoid-chain'), source('ch3-gradient-flow')]);
    expect(r.text).toEqual([
      "sigmoid: layer 1 gets 7.2e-7 of the output layer's gradient",
      "tanh: layer 1 gets 0.16 of the output layer's gradient",
      "relu: layer 1 gets 0.39 of the output layer's gradient",
    ]);
    const chart = r.outputs.find((o) => o.kind === 'line');
    expect(chart?.kind === 'line' && chart.series.map((s) => [s.label, s.points.length])).toEqual([
      ['sigmoid', 11], ['0.25ⁿ chain', 11], ['tanh', 11], ['ReLU', 11],
    ]);
    for (const s of ['`7.2e-7` for sigmoid', '`0.16` for tanh', '`0.39` for ReLU']) quoted(3, s);
  });
  test('ch3-gradient-flow with depth 20: the sigmoid network’s first layer gets 1.1e-14', async () => {
    const [r] = await runAll([edit(source('ch3-gradient-flow'), 'const depth = 10;', 'const depth = 20;')]);
    expect(r.text[0]).toBe("sigmoid: layer 1 gets 1.1e-14 of the output layer's gradient");
    quoted(3, 'Set `depth` to `20`');
    quoted(3, '`1.1e-14`');
  });
});

describe('chapter 5: a scalar autodiff against the engine', () => {
  test('ch5-value prints L = 8, ∂L/∂a = 4, ∂L/∂b = 2', async () => {
    const [r] = await runAll([source('ch5-value')]);
    expect(r.text).toEqual(['L = 8  ∂L/∂a = 4  ∂L/∂b = 2']);
    quoted(5, '`L = 8  ∂L/∂a = 4  ∂L/∂b = 2`');
  });
  test('ch5-backprop-check: ŷ, L and nine gradients, the largest difference from net.trace 5.551115123125783e-17', async () => {
    const [, r] = await runAll([source('ch5-value'), source('ch5-backprop-check')]);
    expect(r.text).toEqual(['ŷ = 0.5503323382357003  L = 0.597232931904315', 'largest difference: 5.551115123125783e-17']);
    const t = r.outputs.find((o) => o.kind === 'table');
    if (t?.kind !== 'table') throw new Error('ch5-backprop-check should print a table');
    expect(t.rows.length).toBe(9);
    expect(t.rows[6].slice(0, 2)).toEqual(['w⁽²⁾₁₁', '-0.26921048024990607']);
    // the engine's own numbers, to the four digits the chapter derives by hand
    expect(Number(t.rows[6][2]).toFixed(4)).toBe('-0.2692');
    expect(Number(t.rows[0][2]).toFixed(5)).toBe('-0.07563');
    for (const s of ['`0.5503323382357003`', '`0.597232931904315`', '`-0.26921048024990607`', '`5.551115123125783e-17`']) quoted(5, s);
  });
  test('ch5-backprop-check under squared error: every difference 0, ∂L/∂b⁽²⁾ = −0.22255550489143594', async () => {
    let code = edit(source('ch5-backprop-check'), 'const loss = yHat.log().mul(-1);', 'const loss = yHat.add(-y).mul(yHat.add(-y));');
    code = edit(code, "net.trace([x1, x2], [y], 'bce')", "net.trace([x1, x2], [y], 'mse')");
    const [, r] = await runAll([source('ch5-value'), code]);
    expect(r.text[1]).toBe('largest difference: 0');
    const t = r.outputs.find((o) => o.kind === 'table');
    expect(t?.kind === 'table' && t.rows[8]).toEqual(['b⁽²⁾', '-0.22255550489143594', '-0.22255550489143594', '0']);
    quoted(5, '`yHat.add(-y).mul(yHat.add(-y))`');
    quoted(5, '`-0.22255550489143594`');
  });
});

describe('chapter 6: a momentum step by hand, raced against the engine', () => {
  test('ch6-momentum-step: 43 steps at η = 0.04, μ = 0.52 take the loss from 34.75 to 5.5578014837536016e-11', async () => {
    const [r] = await runAll([source('ch6-momentum-step')]);
    expect(r.text[1]).toBe('loss from 34.75 to 5.5578014837536016e-11');
    quoted(6, 'the loss falls from `34.75` to\n`5.5578014837536016e-11`');
  });
  test('ch6-momentum-race: the engine ends on the same loss, equal at every step; plain GD at 0.009416494138812665', async () => {
    const [, r] = await runAll([source('ch6-momentum-step'), source('ch6-momentum-race')]);
    expect(r.text).toEqual([
      'your final loss:   5.5578014837536016e-11',
      'engine final loss: 5.5578014837536016e-11',
      'the same at every step: true',
      'plain gradient descent: 0.009416494138812665',
    ]);
    const chart = r.outputs.find((o) => o.kind === 'line');
    expect(chart?.kind === 'line' && chart.series.map((s) => s.points.length)).toEqual([44, 44]);
    quoted(6, 'Both end at `5.5578014837536016e-11`');
    quoted(6, '`0.009416494138812665`');
  });
  test('with μ = 0.9 both still agree, at 0.3377677731306511', async () => {
    const [, r] = await runAll([edit(source('ch6-momentum-step'), 'const mu = 0.52;', 'const mu = 0.9;'), source('ch6-momentum-race')]);
    expect(r.text.slice(0, 3)).toEqual(['your final loss:   0.3377677731306511', 'engine final loss: 0.3377677731306511', 'the same at every step: true']);
    quoted(6, 'Set `mu` to\n`0.9`');
    quoted(6, '`0.3377677731306511`');
  });
});

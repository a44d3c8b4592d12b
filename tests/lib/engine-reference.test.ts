/**
 * The engine reference page's contents (src/lib/engine-reference.ts): every name the engine's
 * barrel exports is on the page, each helper's example runs in a cell, and the readers of the
 * engine's source find names, docs and signatures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/engine/index.ts';
import {
  declaredExports, docOf, groupModules, moduleSummary, NOTEBOOK_HELPERS, readBarrel, referenceNames, signatureOf,
} from '../../src/lib/engine-reference.ts';
import type { Output } from '../../src/notebook/protocol.ts';
import { Runtime } from '../../src/notebook/runtime.ts';

const dir = new URL('../../src/engine/', import.meta.url);
const sources = Object.fromEntries(
  readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f.slice(0, -3), readFileSync(new URL(f, dir), 'utf8')]),
);
const groups = groupModules(readBarrel(sources.index, sources));
const names = referenceNames(groups);

describe('the engine reference lists the whole barrel', () => {
  test('every name exported by src/engine/index.ts (Object.keys of the module) is on the page', async () => {
    const exported = Object.keys(await import('../../src/engine/index.ts'));
    expect(exported.length).toBeGreaterThan(100);
    expect(exported.filter((name) => !names.includes(name))).toEqual([]);
  });
  test('every value on the page is a real export, and no name is listed twice', () => {
    const values = groups.flatMap((g) => g.modules.flatMap((m) => m.entries.filter((e) => !e.type).map((e) => e.name)));
    expect(values.filter((name) => !(name in engine))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });
  test('every module the barrel reads from is under a heading other than "More"', () => {
    expect(groups.map((g) => g.title)).not.toContain('More');
  });
  test('createMLP is listed under mlp.ts with its signature and doc', () => {
    const mlp = groups.flatMap((g) => g.modules).find((m) => m.module === 'mlp')!;
    const entry = mlp.entries.find((e) => e.name === 'createMLP')!;
    expect(entry.signature).toBe('(spec: MLPSpec): MLP');
    expect(entry.doc.length).toBeGreaterThan(10);
    expect(mlp.summary).toMatch(/^Dense feed-forward networks/);
  });
});

describe('the source readers', () => {
  const src = [
    '/**',
    ' * A module.',
    ' *',
    ' * More about it.',
    ' */',
    '/** Adds. Second sentence. */',
    'export function add(a: number, b = 1): number {',
    '  return a + b;',
    '}',
    '/** A constant. */',
    'export const LIMIT = 3;',
    'export interface Shape { n: number }',
  ].join('\n');
  test('moduleSummary takes the opening comment’s first paragraph', () => expect(moduleSummary(src)).toBe('A module.'));
  test('docOf finds the comment right before the export', () => {
    expect(docOf(src, 'add')).toBe('Adds. Second sentence.');
    expect(docOf(src, 'LIMIT')).toBe('A constant.');
    expect(docOf(src, 'Shape')).toBe('');
  });
  test('signatureOf gives the parameters and return type', () => expect(signatureOf(src, 'add')).toBe('(a: number, b = 1): number'));
  test('declaredExports names values and types', () => {
    expect(declaredExports(src)).toEqual([{ name: 'add', type: false }, { name: 'LIMIT', type: false }, { name: 'Shape', type: true }]);
  });
  test('readBarrel reads lists, type lists, aliases and export *', () => {
    const index = "export { add, type Shape } from './m.ts';\nexport type { T } from './n.ts';\nexport { x as y } from './n.ts';\nexport * from './m.ts';";
    const modules = readBarrel(index, { m: src, n: '' });
    expect(modules.map((m) => [m.module, m.entries.map((e) => `${e.name}${e.type ? ':type' : ''}`)])).toEqual([
      ['m', ['add', 'Shape:type', 'add', 'LIMIT', 'Shape:type']],
      ['n', ['T:type', 'y']],
    ]);
  });
});

describe('the helpers’ examples', () => {
  test.each(NOTEBOOK_HELPERS.map((h) => [h.name, h] as const))('%s: its example runs and produces its kind of output', async (name, helper) => {
    const runtime = new Runtime(engine as unknown as Record<string, unknown>);
    const outputs: Output[] = [];
    const { status } = await runtime.run(helper.example, (o) => outputs.push(o));
    expect(outputs.filter((o) => o.kind === 'error')).toEqual([]);
    expect(status).toBe('ok');
    const kind = { print: 'text', table: 'table', plot: 'line', scatter: 'scatter', heatmap: 'heatmap' }[name];
    expect(outputs.map((o) => o.kind)).toContain(kind);
    expect(runtime.names()).toContain(name);
  });
  test('print’s example prints σ(0) and a grid', async () => {
    const runtime = new Runtime(engine as unknown as Record<string, unknown>);
    const outputs: Output[] = [];
    await runtime.run(NOTEBOOK_HELPERS[0].example, (o) => outputs.push(o));
    expect(outputs).toEqual([{ kind: 'text', stream: 'out', text: 'σ(0) = 0.5 and a grid: Float64Array(5) [0, 0.25, 0.5, 0.75, 1]' }]);
  });
});

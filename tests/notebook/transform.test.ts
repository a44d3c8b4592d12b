import { describe, expect, test } from 'vitest';
import { CellSyntaxError, prepareCell } from '../../src/notebook/transform.ts';

/** The error prepareCell throws for `source`. */
function failure(source: string): CellSyntaxError {
  try {
    prepareCell(source);
  } catch (error) {
    return error as CellSyntaxError;
  }
  throw new Error(`prepareCell(${JSON.stringify(source)}) did not throw`);
}

describe('prepareCell', () => {
  test('prepareCell turns top-level declarations into scope assignments and the last expression into the result', () => {
    const p = prepareCell('const a = 1\nlet { b, c: [d] } = { b: 2, c: [3] };\nclass K { y = 1 }\nfunction f(x) { return x * 2 }\nf(a) + b');
    expect(p.body).toBe(';( a = 1);\n;( { b, c: [d] } = { b: 2, c: [3] });\nK = class K { y = 1 };\nfunction f(x) { return x * 2 }\nreturn (f(a) + b);');
    expect(p.names).toEqual(['a', 'b', 'd', 'K']);
    expect(p.functions).toEqual(['f']);
    expect(p.returnsValue).toBe(true);
  });

  test('prepareCell strips TypeScript types and keeps every line where it was', () => {
    const source = 'interface P { a: number }\ntype Q = string\nconst p: P = { a: 1 }\nconst q = <Q>"x"\np.a as number';
    const p = prepareCell(source);
    expect(p.body.split('\n').length).toBe(source.split('\n').length);
    expect(p.body.split('\n')[2]).toBe(';( p = { a: 1 });');
    expect(p.body.split('\n')[4].trim()).toBe('return (p.a);');
  });

  test('prepareCell leaves nested declarations alone and returns nothing after a statement', () => {
    const p = prepareCell('for (let i = 0; i < 3; i++) { const j = i }\nif (true) { var v = 1 }');
    expect(p.body).toBe('for (let i = 0; i < 3; i++) { const j = i }\nif (true) { var v = 1 }');
    expect(p.names).toEqual([]);
    expect(p.returnsValue).toBe(false);
  });

  test('prepareCell reports a syntax error with its 1-based line and column, from either parser', () => {
    expect(failure('const x = 1\nconst y = ;')).toMatchObject({ name: 'SyntaxError', line: 2, column: 11 });
    expect(failure('let y: = 2')).toMatchObject({ line: 1, column: 8 });
    // plain JavaScript that Sucrase passes and Acorn refuses
    const e = failure('const a = 1;\nconst a2 = 2;\nlet = = 3;');
    expect(e.line).toBe(3);
    expect(e.message).not.toMatch(/\(\d+:\d+\)/);
  });

  test('prepareCell refuses import declarations and import() with a message that says why', () => {
    expect(failure("import { a } from 'b'\na").message).toMatch(/not available in a cell/);
    expect(failure("const m = await import('https://example.com/x.js')")).toMatchObject({ line: 1, column: 17, message: expect.stringMatching(/import is not available/) });
    expect(failure('export const x = 1').message).toMatch(/not available in a cell/);
  });
});

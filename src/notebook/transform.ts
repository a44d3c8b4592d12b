/**
 * Turns a cell's TypeScript or JavaScript into the body the kernel runs, line for line:
 *
 * 1. Sucrase strips the types (it keeps every line where it was, so error lines stay true).
 * 2. Acorn parses the result as a script with top-level await.
 * 3. Top-level `const`, `let` and `var` become assignments and `class C {}` becomes `C = class C {}`,
 *    so the names land in the kernel's shared scope and later cells see them; top-level functions
 *    stay declarations and are kept when the cell ends.
 * 4. A final expression statement becomes `return (…)`: its value is the cell's result.
 *
 * `import` and `export` are refused: the engine and the helpers are already in scope.
 */
import { parse, type Node } from 'acorn';
import { transform } from 'sucrase';

/** A cell's code ready to run, and the names it declares at the top level. */
export interface PreparedCell {
  /** The body of an async function run inside `with (scope)`; the same lines as the source. */
  readonly body: string;
  /** Names declared with const, let, var or class (assigned into the scope). */
  readonly names: readonly string[];
  /** Names of top-level function declarations (copied into the scope when the cell ends). */
  readonly functions: readonly string[];
  /** True when the last statement is an expression whose value the cell returns. */
  readonly returnsValue: boolean;
}

/** A syntax error in the learner's code, with its 1-based line and column. */
export class CellSyntaxError extends Error {
  readonly line: number | null;
  readonly column: number | null;
  constructor(message: string, line: number | null, column: number | null) {
    super(message);
    this.name = 'SyntaxError';
    this.line = line;
    this.column = column;
  }
}

interface AnyNode extends Node {
  [key: string]: unknown;
}

/** Strips types, checks the syntax and rewrites the top level; throws CellSyntaxError. */
export function prepareCell(source: string): PreparedCell {
  if (typeof source !== 'string') throw new CellSyntaxError('the cell holds no code', null, null);
  let js: string;
  try {
    js = transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (error) {
    throw syntaxError(error, source, 1);
  }
  let program: AnyNode;
  try {
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, locations: true }) as unknown as AnyNode;
  } catch (error) {
    throw syntaxError(error, js, 0);
  }
  refuseImports(program);

  const names = new Set<string>();
  const functions: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const body = program.body as AnyNode[];
  body.forEach((statement, i) => {
    const last = i === body.length - 1;
    if (statement.type === 'VariableDeclaration') {
      for (const d of statement.declarations as AnyNode[]) collectNames(d.id as AnyNode, names);
      const kind = statement.kind as string;
      const text = js.slice(statement.start, statement.end);
      const inner = text.slice(kind.length).replace(/;\s*$/, '');
      edits.push({ start: statement.start, end: statement.end, text: `;(${inner});` });
    } else if (statement.type === 'ClassDeclaration') {
      const name = (statement.id as AnyNode).name as string;
      names.add(name);
      edits.push({ start: statement.start, end: statement.start, text: `${name} = ` });
      edits.push({ start: statement.end, end: statement.end, text: ';' });
    } else if (statement.type === 'FunctionDeclaration') {
      functions.push((statement.id as AnyNode).name as string);
    } else if (last && statement.type === 'ExpressionStatement' && !statement.directive) {
      const expression = statement.expression as AnyNode;
      edits.push({ start: statement.start, end: statement.end, text: `return (${js.slice(expression.start, expression.end)});` });
    }
  });
  const lastStatement = body[body.length - 1];
  const returnsValue = lastStatement?.type === 'ExpressionStatement' && !lastStatement.directive;
  let out = js;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { body: out, names: [...names], functions, returnsValue };
}

/** Every identifier a binding pattern declares: x, { a, b: [c] }, [d = 1, ...rest]. */
function collectNames(pattern: AnyNode, names: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      names.add(pattern.name as string);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties as AnyNode[]) collectNames((p.type === 'RestElement' ? p.argument : p.value) as AnyNode, names);
      break;
    case 'ArrayPattern':
      for (const p of pattern.elements as (AnyNode | null)[]) if (p) collectNames(p, names);
      break;
    case 'AssignmentPattern':
      collectNames(pattern.left as AnyNode, names);
      break;
    case 'RestElement':
      collectNames(pattern.argument as AnyNode, names);
      break;
  }
}

/** Throws on `import(…)` anywhere: a cell may not load code from elsewhere. */
function refuseImports(node: AnyNode): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) {
      stack.push(...n);
      continue;
    }
    const item = n as AnyNode;
    if (item.type === 'ImportExpression' || (item.type === 'MetaProperty' && (item.meta as AnyNode)?.name === 'import')) {
      const loc = item.loc;
      throw new CellSyntaxError('import is not available in a cell: the engine and the helpers are already in scope', loc?.start.line ?? null, loc ? loc.start.column + 1 : null);
    }
    for (const key in item) {
      if (key !== 'loc' && key !== 'start' && key !== 'end') stack.push(item[key]);
    }
  }
}

/** A CellSyntaxError from Sucrase's error (`base` 1: its columns count from 1) or Acorn's (`base` 0), in plain words. */
function syntaxError(error: unknown, code: string, base: 0 | 1): CellSyntaxError {
  const e = error as { message?: string; loc?: { line: number; column: number }; pos?: number };
  let message = String(e?.message ?? error);
  let line: number | null = e?.loc?.line ?? null;
  let column: number | null = e?.loc ? e.loc.column + 1 - base : null;
  const at = message.match(/\s*\((\d+):(\d+)\)\s*$/);
  if (at) {
    message = message.slice(0, at.index);
    line ??= Number(at[1]);
    column ??= Number(at[2]) + 1 - base;
  }
  if (line === null && typeof e?.pos === 'number') {
    const before = code.slice(0, e.pos).split('\n');
    line = before.length;
    column = before[before.length - 1].length + 1;
  }
  if (/'import' and 'export' may appear only/.test(message)) message = 'import and export are not available in a cell: the engine and the helpers are already in scope';
  return new CellSyntaxError(message, line, column);
}

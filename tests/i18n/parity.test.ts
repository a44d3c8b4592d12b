/**
 * English and Korean stay one course. For every chapter, the Korean lesson
 * (content/ko/lessons/<id>.mdx) must exist and agree with the English one (content/lessons/<id>.mdx)
 * on everything but text:
 *
 * - the front matter's chapter, minutes, prerequisites and status, and the number of objectives;
 * - the imports (the same components and cells, the paths one folder deeper);
 * - the blocks, in order: headings (with their levels), paragraphs, lists, math, code and
 *   components; each component with the same name, id and non-text props, the same number of
 *   choices, and the same components inside it;
 * - the numbers, block by block: the same numbers (as digits) in each block, so a figure checked
 *   against the engine in English is the same figure in Korean;
 * - each code cell: the Korean copy differs from the English one in its comments only.
 *
 * The UI strings have the same keys in both languages, with the same `{placeholders}`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { load } from 'js-yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import ts from 'typescript';
import { en } from '../../src/i18n/en.ts';
import { ko } from '../../src/i18n/ko.ts';

const EN = 'content/lessons';
const KO = 'content/ko/lessons';
const CELLS = { en: 'content/cells', ko: 'content/ko/cells' };

/** Props whose values are words (translated); every other prop must be the same in both languages. */
const TEXT_PROPS = new Set(['caption', 'title', 'label', 'ariaLabel', 'aria-label', 'description', 'alt', 'summary', 'unit', 'task', 'placeholder', 'hint', 'caption2', 'legend']);

interface Node {
  type: string;
  depth?: number;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

const parser = unified().use(remarkParse).use(remarkMath).use(remarkMdx);

function split(source: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!m) throw new Error('no front matter');
  return { front: load(m[1]) as Record<string, unknown>, body: source.slice(m[0].length) };
}

/** Words that scale the number before them: "1.2 million" in English is "120만" in Korean. */
const SCALES: [RegExp, number][] = [
  [/(\d+(?:\.\d+)?)\s*thousand\b/gi, 1e3],
  [/(\d+(?:\.\d+)?)\s*million\b/gi, 1e6],
  [/(\d+(?:\.\d+)?)\s*billion\b/gi, 1e9],
  // 만 is also "only" (x₂만): a scale only after a plain number, before a space, a counter or punctuation
  [/(?<![_\w.$])(\d+(?:\.\d+)?)만(?=[\s개명장원,.)])/g, 1e4],
  [/(?<![_\w.$])(\d+(?:\.\d+)?)억(?=[\s개명장원,.)])/g, 1e8],
];

/**
 * Every number written with digits in a text: 0.25, −3, 1e-7, 10,000 (commas between digit groups
 * dropped), with a scale word applied, so "1.2 million" and "120만" are the same number, 1200000.
 */
function numbers(text: string): string[] {
  let t = text.replace(/(\d),(?=\d{3}\b)/g, '$1');
  for (const [re, scale] of SCALES) t = t.replace(re, (_w, n: string) => ` ${String(Math.round(Number(n) * scale))} `);
  return (t.match(/\d+(?:\.\d+)?(?:e[-+−]?\d+)?/gi) ?? []).sort();
}

/** All text under a node, math and code included (their digits count). */
function textOf(node: Node): string {
  if (typeof node.value === 'string' && node.type !== 'mdxjsEsm') return node.value;
  const own = (node.attributes ?? []).map((a) => (typeof a.value === 'string' ? a.value : (a.value as { value?: string } | null)?.value ?? '')).join(' ');
  return [own, ...(node.children ?? []).map(textOf)].join(' ');
}

/** A component's prop as text: a string, or the source of an expression. */
function propValue(a: { value?: unknown }): string {
  if (a.value === null || a.value === undefined) return 'true';
  if (typeof a.value === 'string') return JSON.stringify(a.value);
  return `{${(a.value as { value: string }).value}}`;
}

/** How many items an array expression holds at its top level (`['a', 'b']` → 2). */
function arrayLength(expression: string): number {
  const sf = ts.createSourceFile('x.ts', `(${expression})`, ts.ScriptTarget.Latest);
  let n = -1;
  const visit = (node: ts.Node) => {
    if (n === -1 && ts.isArrayLiteralExpression(node)) n = node.elements.length;
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return n;
}

/** The shape of a component: its name, and its props with text props reduced to their presence (choices to a count). */
function componentShape(node: Node): string {
  const props = (node.attributes ?? [])
    .map((a) => {
      if (a.type !== 'mdxJsxAttribute') return `{…${propValue(a)}}`;
      if (a.name === 'choices') return `choices:${arrayLength((a.value as { value: string }).value)}`;
      if (TEXT_PROPS.has(a.name!)) return `${a.name}:text`;
      return `${a.name}=${propValue(a)}`;
    })
    .sort();
  return `<${node.name ?? 'Fragment'} ${props.join(' ')}>`;
}

/** A block, for comparing structure: its kind (a heading's level, a component's shape) and what it contains. */
function blockShape(node: Node): string {
  switch (node.type) {
    case 'heading':
      return `h${node.depth}`;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const inner = (node.children ?? []).filter((c) => c.type.startsWith('mdxJsx')).map(blockShape);
      return `${componentShape(node)}${inner.length ? `[${inner.join(',')}]` : ''}`;
    }
    case 'list':
      return `list(${node.children?.length ?? 0})`;
    case 'code':
      return 'code';
    case 'math':
      return 'math';
    case 'mdxjsEsm':
      return 'esm';
    default: {
      // a paragraph: note the components inside it
      const inline = (node.children ?? []).filter((c) => c.type === 'mdxJsxTextElement').map(blockShape);
      return inline.length ? `${node.type}[${inline.join(',')}]` : node.type;
    }
  }
}

/** The imports: each name with its path, the locale's folder depth normalised. */
function imports(tree: Node, locale: 'en' | 'ko'): string[] {
  return (tree.children ?? [])
    .filter((n) => n.type === 'mdxjsEsm')
    .flatMap((n) => (n.value ?? '').split('\n'))
    .filter((l) => l.trim().startsWith('import'))
    .map((l) => (locale === 'ko' ? l.replace(/'\.\.\/\.\.\/\.\.\//g, "'../../") : l).trim())
    .sort();
}

/** A lesson's blocks (imports aside). */
function blocks(tree: Node): Node[] {
  return (tree.children ?? []).filter((n) => n.type !== 'mdxjsEsm');
}

/** The code of a cell without its comments (the printer writes both the same way). */
function withoutComments(source: string): string {
  const sf = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(sf);
}

const chapters = readdirSync(EN).filter((f) => f.endsWith('.mdx')).sort();

describe('Korean and English lessons are the same course', () => {
  test('every chapter exists in both languages, and no other', () => {
    expect(existsSync(KO) ? readdirSync(KO).filter((f) => f.endsWith('.mdx')).sort() : []).toEqual(chapters);
  });

  describe.each(chapters.filter((f) => existsSync(join(KO, f))))('%s', (file) => {
    const enSource = readFileSync(join(EN, file), 'utf8');
    const koSource = readFileSync(join(KO, file), 'utf8');
    const enDoc = split(enSource);
    const koDoc = split(koSource);
    const enTree = parser.parse(enDoc.body) as unknown as Node;
    const koTree = parser.parse(koDoc.body) as unknown as Node;

    test('the front matter agrees on everything but text', () => {
      for (const key of ['chapter', 'minutes', 'prerequisites', 'status']) expect(koDoc.front[key], key).toEqual(enDoc.front[key]);
      expect(Object.keys(koDoc.front).sort()).toEqual(Object.keys(enDoc.front).sort());
      expect((koDoc.front.objectives as string[]).length).toBe((enDoc.front.objectives as string[]).length);
      for (const key of ['title', 'summary']) expect(/[가-힣]/.test(String(koDoc.front[key])), `${key} is in Korean`).toBe(true);
    });

    test('the same imports', () => {
      expect(imports(koTree, 'ko')).toEqual(imports(enTree, 'en'));
    });

    test('the same blocks in the same order: headings, paragraphs, components with the same ids and props', () => {
      const en = blocks(enTree).map(blockShape);
      const ko = blocks(koTree).map(blockShape);
      // Report the first difference with its neighbours, not two long lists.
      const at = en.findIndex((s, i) => s !== ko[i]);
      if (at !== -1 || en.length !== ko.length) {
        const i = at === -1 ? Math.min(en.length, ko.length) : at;
        expect({ block: i, ko: ko.slice(Math.max(0, i - 1), i + 2) }).toEqual({ block: i, ko: en.slice(Math.max(0, i - 1), i + 2) });
      }
    });

    test('the same numbers in each block', () => {
      const en = blocks(enTree);
      const ko = blocks(koTree);
      const problems: string[] = [];
      en.forEach((block, i) => {
        if (!ko[i]) return;
        const a = numbers(textOf(block));
        const b = numbers(textOf(ko[i]));
        if (a.join(' ') !== b.join(' ')) {
          const snippet = textOf(ko[i]).replace(/\s+/g, ' ').slice(0, 80);
          problems.push(`block ${i} (“${snippet}…”): English has [${a.join(', ')}], Korean [${b.join(', ')}]`);
        }
      });
      expect(problems).toEqual([]);
    });

    test('the front matter numbers and the text is Korean', () => {
      const words = textOf(koTree).match(/[가-힣]+/g) ?? [];
      expect(words.length, 'Korean words in the body').toBeGreaterThan(200);
    });

    test('each Korean code cell differs from the English one only in its comments', () => {
      for (const [, cell] of koSource.matchAll(/from '\.\.\/cells\/([\w-]+\.ts)\?raw'/g)) {
        const koCell = join(CELLS.ko, cell);
        expect(existsSync(koCell), koCell).toBe(true);
        expect(withoutComments(readFileSync(koCell, 'utf8')), cell).toBe(withoutComments(readFileSync(join(CELLS.en, cell), 'utf8')));
      }
    });
  });
});

describe('UI strings', () => {
  test('the same keys in both languages, each with the same placeholders', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(' ');
    const differ = Object.keys(en).filter((k) => placeholders(en[k as keyof typeof en]) !== placeholders(ko[k as keyof typeof ko] ?? ''));
    expect(differ).toEqual([]);
  });

  test('the Korean strings are Korean (apart from names and symbols that are the same in both)', () => {
    const same = Object.keys(en).filter((k) => /[a-z]{4,}/i.test(en[k as keyof typeof en]) && ko[k as keyof typeof ko] === en[k as keyof typeof en]);
    // Names that stay Latin in Korean text (PyTorch, CSV, ReLU...) are allowed; whole English sentences are not.
    expect(same.filter((k) => /\s\w+\s\w+\s/.test(en[k as keyof typeof en]))).toEqual([]);
  });
});

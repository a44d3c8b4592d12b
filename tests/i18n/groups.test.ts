/**
 * The UI strings come in groups (src/i18n/en/<group>.ts). `t` finds only the groups registered so
 * far: `core` always, any other once its module (src/i18n/strings/<group>.ts) has been imported. So
 * a file that uses a key of a group other than `core` must import that group's module itself,
 * or a page could render the bare key:
 *
 * - a file in src/ (.svelte, .ts, .astro) that holds a key as a string literal ('playground.title')
 *   or the start of one in a template literal (`playground.dataset.${name}`);
 * - a component that a lesson (content/) hands a key as a prop (`done="…"`), for that key's group.
 *
 * The groups themselves: each key is in exactly one, with a Korean twin and a module registering it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { en } from '../../src/i18n/en.ts';
import { ko } from '../../src/i18n/ko.ts';

const I18N = 'src/i18n';
const CORE = 'core';

/** Every file below `dir` whose name ends with one of `extensions`. */
function files(dir: string, extensions: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, extensions);
    return extensions.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

/** The group of every key (by the file it is defined in) and each group's module. */
const groupNames = readdirSync(join(I18N, 'en')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
const groupKeys = new Map<string, string[]>();
for (const name of groupNames) {
  const module = (await import(`../../src/i18n/en/${name}.ts`)) as Record<string, Record<string, string>>;
  groupKeys.set(name, Object.values(module).flatMap((strings) => Object.keys(strings)));
}
const groupOf = new Map([...groupKeys].flatMap(([name, keys]) => keys.map((k) => [k, name] as const)));
const moduleOf = (group: string) => resolve(I18N, 'strings', `${group}.ts`);
const keys = Object.keys(en);

/** The groups a piece of source refers to, each with the keys (or key beginnings) that made it. */
function usedGroups(source: string): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const note = (group: string, what: string) => used.set(group, [...(used.get(group) ?? []), what]);
  for (const [, , literal] of source.matchAll(/(['"])([a-zA-Z]\w*(?:\.[\w-]+)+)\1/g)) {
    const group = groupOf.get(literal);
    if (group) note(group, literal);
  }
  for (const [, start] of source.matchAll(/`([a-zA-Z]\w*\.[\w.-]*)\$\{/g)) {
    for (const group of new Set(keys.filter((k) => k.startsWith(start)).map((k) => groupOf.get(k)!))) note(group, `${start}\${…}`);
  }
  return used;
}

/** The absolute paths of the modules a file imports (static imports and side-effect imports). */
function importsOf(file: string, source: string): Set<string> {
  const found = new Set<string>();
  for (const [, spec] of source.matchAll(/\bimport\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g)) {
    if (!spec.startsWith('.')) continue;
    const path = resolve(dirname(file), spec);
    found.add(path.endsWith('.ts') ? path : `${path}.ts`);
  }
  return found;
}

/** What a file lacks: for each non-core group it uses without importing the group's module, a line. */
function missing(file: string, used: Map<string, string[]>): string[] {
  const imported = importsOf(file, readFileSync(file, 'utf8'));
  return [...used]
    .filter(([group]) => group !== CORE && !imported.has(moduleOf(group)))
    .map(([group, what]) => `${file} uses ${[...new Set(what)].slice(0, 3).join(', ')} but does not import ${relative('.', moduleOf(group))}`);
}

const sources = files('src', ['.svelte', '.ts', '.astro']).filter((f) => !f.startsWith(`${I18N}/`));

interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
}

/** The groups of the keys each component receives as props in a lesson, by component name. */
function keysPassed(tree: MdxNode): Map<string, Map<string, string[]>> {
  const passed = new Map<string, Map<string, string[]>>();
  const visit = (node: MdxNode) => {
    if (node.name && node.type.startsWith('mdxJsx')) {
      for (const a of node.attributes ?? []) {
        const text = typeof a.value === 'string' ? JSON.stringify(a.value) : ((a.value as { value?: string } | null)?.value ?? '');
        const mine = passed.get(node.name) ?? new Map<string, string[]>();
        for (const [group, what] of usedGroups(text)) mine.set(group, [...(mine.get(group) ?? []), ...what]);
        if (mine.size) passed.set(node.name, mine);
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return passed;
}

const parser = unified().use(remarkParse).use(remarkMath).use(remarkMdx);
const lessons = files('content', ['.mdx']);

describe('UI string groups', () => {
  test('every key is in exactly one group, and each group has its Korean twin and its module', () => {
    expect([...groupKeys.values()].flat().sort()).toEqual(keys.sort());
    expect(groupOf.size).toBe(keys.length);
    for (const name of groupNames) {
      expect(existsSync(join(I18N, 'ko', `${name}.ts`)), `${I18N}/ko/${name}.ts`).toBe(true);
      if (name !== CORE) expect(existsSync(moduleOf(name)), relative('.', moduleOf(name))).toBe(true);
    }
    expect(Object.keys(ko).length).toBe(keys.length);
  });

  test('the check sees the keys: the widgets use their own groups', () => {
    const playground = usedGroups(readFileSync('src/widgets/NetworkPlayground/NetworkPlayground.svelte', 'utf8'));
    expect([...playground.keys()]).toContain('playground');
    expect([...usedGroups('t(`race.racer.${r}`)').keys()]).toEqual(['race']);
    expect(missing('src/components/widget/Challenge.svelte', new Map([['race', ['race.title']]]))).toHaveLength(1);
  });

  test('a file in src/ that uses a group’s keys imports the group’s module', () => {
    const problems = sources.flatMap((file) => missing(file, usedGroups(readFileSync(file, 'utf8'))));
    expect(problems).toEqual([]);
  });

  test.each(lessons)('%s: a component handed a group’s keys imports the group’s module', (lesson) => {
    const source = readFileSync(lesson, 'utf8');
    const tree = parser.parse(source.replace(/^---\n[\s\S]*?\n---\n/, '')) as unknown as MdxNode;
    const componentFile = new Map(
      [...source.matchAll(/^import\s+(\w+)\s+from\s+'([^']+\.(?:svelte|astro))';?$/gm)].map(([, name, path]) => [name, resolve(dirname(lesson), path)]),
    );
    const problems = [...keysPassed(tree)].flatMap(([component, used]) => {
      const file = componentFile.get(component);
      if (!file) return [`${lesson} hands keys (${[...used.values()].flat().join(', ')}) to <${component}>, which it does not import`];
      return missing(relative('.', file), used).map((line) => `${lesson} → ${line}`);
    });
    expect(problems).toEqual([]);
  });
});

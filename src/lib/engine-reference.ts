/**
 * The engine reference page's contents, read from the engine's own source: which names
 * src/engine/index.ts exports, from which module, and each one's one-line JSDoc. The page is built
 * from this at build time, so an export added to the barrel shows up on it without anyone
 * remembering to write it down. Plain functions over source text: no file system here.
 */

/** One exported name. */
export interface ReferenceEntry {
  readonly name: string;
  /** True for `type` and `interface` exports (erased when a cell runs; usable in annotations). */
  readonly type: boolean;
  /** The first paragraph of its JSDoc, or '' when it has none. */
  readonly doc: string;
  /** For a function, its parameters and return type as written, e.g. `(from: number, to: number, n: number): Float64Array`. */
  readonly signature: string;
}

/** One engine module and what the barrel takes from it, in the barrel's order. */
export interface ReferenceModule {
  /** The file name without `.ts`, e.g. `mlp`. */
  readonly module: string;
  /** The first paragraph of the module's opening comment. */
  readonly summary: string;
  readonly entries: readonly ReferenceEntry[];
}

/** A heading and the modules under it. */
export interface ReferenceGroup {
  readonly title: string;
  readonly modules: readonly ReferenceModule[];
}

/** A notebook helper: what a cell can call besides the engine. */
export interface NotebookHelper {
  readonly name: string;
  readonly signature: string;
  readonly doc: string;
  /** A short cell that uses it (run by the tests, so it stays true). */
  readonly example: string;
}

/** The helpers every cell has in scope (src/notebook/runtime.ts), with an example each. */
export const NOTEBOOK_HELPERS: readonly NotebookHelper[] = [
  {
    name: 'print',
    signature: 'print(...values)',
    doc: 'Prints its arguments on one line, separated by spaces. Strings print bare; numbers print with every digit JavaScript keeps (0.1 + 0.2 prints 0.30000000000000004); arrays, typed arrays and objects print readably, cut short past 100 items or three levels deep.',
    example: "print('σ(0) =', sigmoid(0), 'and a grid:', linspace(0, 1, 5));",
  },
  {
    name: 'table',
    signature: 'table(rows, columns?)',
    doc: 'Shows rows of objects (the columns are their keys) or of arrays (the columns are 0, 1, …) as a table; `columns` picks and orders the columns.',
    example: [
      'table(activationNames.map((name) => ({',
      '  name,',
      "  'f(1)': activation(name).f(1),",
      "  \"f′(1)\": activation(name).df(1),",
      '})));',
    ].join('\n'),
  },
  {
    name: 'plot',
    signature: 'plot(y, options?) · plot(x, y, options?) · plot([{ label, x?, y }, …], options?)',
    doc: 'Draws line charts: one series of y values (x = 0, 1, 2, …), y against x, or several labelled series. Options: `title`, `xLabel`, `yLabel`, `logX`, `logY`, and `label` for a single series.',
    example: [
      "const c = activationCurve('tanh', -4, 4, 81);",
      'plot([',
      "  { label: 'tanh', x: c.x, y: c.f },",
      "  { label: 'its slope', x: c.x, y: c.df },",
      "], { title: 'tanh and its slope', xLabel: 'z' });",
    ].join('\n'),
  },
  {
    name: 'scatter',
    signature: 'scatter(points, options?)',
    doc: 'Draws a point cloud. Each point is `{ x, y, label? }` or `[x, y, label?]`; points with the same label share a colour. Options as for plot.',
    example: [
      "const d = dataset('spirals', { n: 200, seed: 1 }).train;",
      'const points = d.x.map(([x1, x2], i) => [x1, x2, d.labels[i]]);',
      "scatter(points, { title: 'Two spirals' });",
    ].join('\n'),
  },
  {
    name: 'heatmap',
    signature: 'heatmap(fOrNet, { extent?, cells?, points?, domain?, title? })',
    doc: 'Colours the plane by f(x, y), or by a network’s output (anything with `predictGrid`, such as an MLP or a chapter 1 model). `extent` is `{ xMin, xMax, yMin, yMax }` (default ±1.5); `cells` per side, default 50, at most 150; `points` are drawn on top (`{ x, y, label }`, `[x, y, label]`, or a dataset’s `train`); `domain` is the value range of the colour scale.',
    example: [
      'const ring = (x: number, y: number) => sigmoid(4 * (x * x + y * y) - 2);',
      "heatmap(ring, { title: 'A soft ring', domain: [0, 1] });",
    ].join('\n'),
  },
];

/** How the page groups the modules, in the spirit of src/engine/README.md; a module missing here lands under "More". */
export const REFERENCE_GROUPS: readonly { readonly title: string; readonly modules: readonly string[] }[] = [
  { title: 'Randomness and scalar functions', modules: ['random', 'special', 'grid'] },
  { title: 'Activations and losses', modules: ['activations', 'curves', 'losses'] },
  { title: 'Networks', modules: ['init', 'batch', 'mlp', 'network-loss', 'trace', 'gradcheck', 'probe'] },
  { title: 'Training', modules: ['train', 'history'] },
  { title: 'Optimizers and surfaces', modules: ['optimizers', 'optimizer-steps', 'surfaces', 'descent', 'race'] },
  { title: 'Data', modules: ['datasets', 'features'] },
  { title: 'The perceptron', modules: ['perceptron'] },
  { title: 'Backpropagation, step by step', modules: ['backprop-steps', 'gradient-check', 'loss-curves', 'step-arithmetic', 'weight-probe'] },
  {
    title: 'Chapter helpers',
    modules: ['derivative-facts', 'collapse', 'gradient-flow', 'init-scale', 'unit-lines', 'feature-lab', 'data-size'],
  },
];

/** A comment's text without its `/**`, `*` and `*\/`, first paragraph only, on one line. */
function firstParagraph(comment: string): string {
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
  const paragraph: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  return paragraph.join(' ').replace(/\s+/g, ' ').replace(/\{@link ([^}]+)\}/g, '$1').trim();
}

/** The JSDoc right before `export … name` in a module's source, first paragraph; '' when none. */
export function docOf(source: string, name: string): string {
  const escaped = name.replace(/[$]/g, '\\$');
  const pattern = new RegExp(
    `(\\/\\*\\*(?:[^*]|\\*(?!\\/))*\\*\\/)\\s*export\\s+(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?(?:function\\*?|const|let|var|class|interface|type|enum)\\s+${escaped}(?![\\w$])`,
  );
  const match = source.match(pattern);
  return match ? firstParagraph(match[1]) : '';
}

/** A function export's parameter list and return type, whitespace collapsed; '' for anything else. */
export function signatureOf(source: string, name: string): string {
  const escaped = name.replace(/[$]/g, '\\$');
  const start = source.match(new RegExp(`^export\\s+(?:async\\s+)?function\\*?\\s+${escaped}\\s*(<[^(]*>)?\\(`, 'm'));
  if (!start || start.index === undefined) return '';
  const open = start.index + start[0].length - 1;
  let depth = 0;
  let close = -1;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return '';
  const body = source.indexOf('{', close);
  const returns = source.slice(close + 1, body < 0 ? close + 1 : body).trim();
  // a return type that is an object literal starts at the body's brace: leave it out
  const text = `${start[1] ?? ''}${source.slice(open, close + 1)}${returns.startsWith(':') && returns.length > 1 ? returns : ''}`;
  return text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')');
}

/** The opening comment of a module's source (the file's first JSDoc), first paragraph. */
export function moduleSummary(source: string): string {
  const match = source.match(/^\s*(\/\*\*(?:[^*]|\*(?!\/))*\*\/)/);
  return match ? firstParagraph(match[1]) : '';
}

/** The names a module declares with `export function|const|class|interface|type …` (for `export * from`). */
export function declaredExports(source: string): { name: string; type: boolean }[] {
  const out: { name: string; type: boolean }[] = [];
  const pattern = /^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
  for (const m of source.matchAll(pattern)) out.push({ name: m[2], type: m[1] === 'interface' || m[1] === 'type' });
  return out;
}

/**
 * What the barrel exports, module by module, in its order: `export { a, type B } from './m.ts'`,
 * `export type { C } from './m.ts'` and `export * from './m.ts'` (whose names are read from
 * `sources`, keyed by module name, which also supplies every JSDoc).
 */
export function readBarrel(index: string, sources: Readonly<Record<string, string>>): ReferenceModule[] {
  const modules = new Map<string, { name: string; type: boolean }[]>();
  const pattern = /export\s+(type\s+)?(?:\{([^}]*)\}|\*)\s+from\s+'\.\/([\w-]+)\.ts'/g;
  for (const m of index.matchAll(pattern)) {
    const [, allTypes, list, module] = m;
    const names = modules.get(module) ?? [];
    if (list === undefined) {
      const source = sources[module];
      if (source === undefined) throw new Error(`engine reference: no source for ./${module}.ts`);
      names.push(...declaredExports(source));
    } else {
      for (const raw of list.split(',')) {
        const item = raw.trim();
        if (!item) continue;
        const type = Boolean(allTypes) || item.startsWith('type ');
        const bare = item.replace(/^type\s+/, '');
        const alias = bare.split(/\s+as\s+/);
        names.push({ name: alias[alias.length - 1], type });
      }
    }
    modules.set(module, names);
  }
  return [...modules].map(([module, names]) => {
    const source = sources[module] ?? '';
    return {
      module,
      summary: moduleSummary(source),
      entries: names.map(({ name, type }) => ({ name, type, doc: docOf(source, name), signature: type ? '' : signatureOf(source, name) })),
    };
  });
}

/** The modules under the page's headings (REFERENCE_GROUPS), and any module not listed there under "More". */
export function groupModules(modules: readonly ReferenceModule[]): ReferenceGroup[] {
  const byName = new Map(modules.map((m) => [m.module, m]));
  const placed = new Set<string>();
  const groups: ReferenceGroup[] = [];
  for (const group of REFERENCE_GROUPS) {
    const found = group.modules.flatMap((name) => {
      const m = byName.get(name);
      if (!m) return [];
      placed.add(name);
      return [m];
    });
    if (found.length > 0) groups.push({ title: group.title, modules: found });
  }
  const rest = modules.filter((m) => !placed.has(m.module));
  if (rest.length > 0) groups.push({ title: 'More', modules: rest });
  return groups;
}

/** Every name on the page, values and types, in page order. */
export function referenceNames(groups: readonly ReferenceGroup[]): string[] {
  return groups.flatMap((g) => g.modules.flatMap((m) => m.entries.map((e) => e.name)));
}

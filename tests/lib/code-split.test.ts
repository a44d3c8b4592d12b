/**
 * What keeps a lesson page within its JavaScript budget (`npm run weight`), checked in the source:
 *
 * - widgets and components import each engine module they use, never the engine's index: the
 *   bundler places a module by what imports it, so importing the index would put every engine
 *   module on every page;
 * - the widget frame loads its Code panel, the assignment composer and an assignment's box and
 *   checks only when they are asked for, and each widget's `code.ts` and `assign.ts` the same way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** The specifiers a file imports statically (`import … from '…'`, `import '…'`, `export … from '…'`). */
function staticImports(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s+(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)]
    .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1]);
}

const browserCode = [...files('src/widgets'), ...files('src/components')];

describe('code splitting', () => {
  test('no widget or component imports the engine index', () => {
    const offenders = browserCode.filter((f) => staticImports(readFileSync(f, 'utf8')).some((s) => /engine\/index\.ts$/.test(s)));
    expect(offenders).toEqual([]);
  });

  test('the widget frame imports its Code panel and assignment parts only on request', () => {
    const text = readFileSync('src/components/widget/WidgetFrame.svelte', 'utf8');
    const imports = staticImports(text);
    for (const part of ['CodePanel.svelte', 'AssignComposer.svelte', 'AssignmentBox.svelte', 'assignment-view.ts', 'lib/assignment.ts']) {
      expect(imports.filter((s) => s.endsWith(part)), part).toEqual([]);
    }
    for (const part of ['./CodePanel.svelte', './AssignComposer.svelte', './AssignmentBox.svelte', './assignment-view.ts']) {
      expect(text, part).toContain(`import('${part}')`);
    }
  });

  test('no widget view imports its code.ts or assign.ts statically', () => {
    const views = files('src/widgets').filter((f) => f.endsWith('.svelte'));
    const offenders = views.filter((f) => staticImports(readFileSync(f, 'utf8')).some((s) => s === './code.ts' || s === './assign.ts'));
    expect(offenders).toEqual([]);
    // and the widgets that have them do load them on request
    const lazy = views.filter((f) => readFileSync(f, 'utf8').includes("import('./code.ts')"));
    expect(lazy.length).toBeGreaterThanOrEqual(14);
  });
});

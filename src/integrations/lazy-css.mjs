/**
 * A Vite plugin that keeps the stylesheets a lazily loaded chunk asks for. When a page loads a
 * component with import() (a widget's Code panel, say), Vite's preload helper first fetches the
 * CSS of every chunk that import brings in. Astro deletes client-build stylesheets that no page
 * links (it links the server build's copies of the same styles), so the helper asks for a file
 * that is not there and the import fails (withastro/astro#8329). This plugin notes every
 * stylesheet the client build makes and writes back the ones a chunk still names.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export default function lazyCss() {
  const made = new Map();
  return {
    name: 'nn-lazy-css',
    apply: 'build',
    // Runs first, before Astro's own stylesheet steps remove any.
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        for (const asset of Object.values(bundle)) {
          if (asset.type === 'asset' && asset.fileName.endsWith('.css')) made.set(asset.fileName, asset.source);
        }
      },
    },
    writeBundle(options, bundle) {
      if (!options.dir) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [, name] of chunk.code.matchAll(/["'`]([^"'`]*?[\w.-]+\.css)["'`]/g)) {
          const fileName = made.has(name) ? name : [...made.keys()].find((f) => name.endsWith(f));
          if (!fileName) continue;
          const path = join(options.dir, fileName);
          if (existsSync(path)) continue;
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, made.get(fileName));
        }
      }
    },
  };
}

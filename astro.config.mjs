// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkSlotFragments from './src/components/lesson/remark-slot-fragments.mjs';
import rehypeMathNowrap from './src/components/lesson/rehype-math-nowrap.mjs';
import serviceWorker from './src/integrations/service-worker.mjs';
import widgetDirective from './src/integrations/widget-directive.mjs';
import widgetPreload from './src/integrations/widget-preload.mjs';
import lazyCss from './src/integrations/lazy-css.mjs';

/**
 * BASE_PATH deploys the site under a sub-path (e.g. `/neural-notebook/` for project pages).
 * Every internal link goes through `withBase()` in src/lib/paths.ts, so nothing else changes.
 */
const rootBase = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/**
 * LOCALE picks the language of this build: the course is built once per language (scripts/build.mjs),
 * English at the base and Korean under `ko/`, each from its own content folder and UI catalogue.
 */
const locale = process.env.LOCALE === 'ko' ? 'ko' : 'en';
const base = locale === 'en' ? rootBase : `${rootBase}${locale}/`;

export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  base,
  trailingSlash: 'ignore',
  // serviceWorker: writes dist/sw.js, so the built course works offline after a first visit.
  // widgetDirective: `client:widget`, which hydrates at once the widget a share link opens;
  // widgetPreload: fetches that widget's modules from the top of the page (widget-preload.mjs).
  integrations: [mdx(), svelte(), widgetDirective(), widgetPreload(), serviceWorker()],
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; KaTeX needs the unified one.
    processor: unified({
      // remarkSlotFragments: `<Fragment slot="hint">` may follow an Exercise's question without a blank line.
      remarkPlugins: [remarkMath, remarkSlotFragments],
      // rehypeMathNowrap: a comma or bracket touching inline math stays on the formula's line.
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }], rehypeMathNowrap],
    }),
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: 'light',
    },
  },
  devToolbar: { enabled: false },
  vite: {
    // lazyCss: the stylesheets a lazily loaded component's chunk asks for stay in the build.
    plugins: [lazyCss()],
    define: {
      __NN_LOCALE__: JSON.stringify(locale),
      __NN_ROOT_BASE__: JSON.stringify(rootBase),
    },
    // scripts/build.mjs builds both languages into one folder: the second build must not empty it.
    // NN_SOURCEMAP=1 writes source maps, to see which modules make up a chunk; NN_MINIFY=0 keeps
    // the scripts' own names, for a readable profile.
    build: {
      ...(process.env.NN_KEEP_OUTDIR === '1' ? { emptyOutDir: false } : {}),
      ...(process.env.NN_SOURCEMAP === '1' ? { sourcemap: true } : {}),
      ...(process.env.NN_MINIFY === '0' ? { minify: false } : {}),
    },
  },
});

/**
 * Full-page screenshots of the built site, on a phone (360×780) and a desktop (1280×900), in the
 * light and the dark theme. Builds nothing: run `npm run build` first.
 *
 *   npm run shots                                   every page the crawl finds, and the 404 page
 *   npm run shots -- /lessons/02-perceptron/ /      just these site paths
 *   npm run shots -- / --out /tmp/home-shots        into another folder (default /tmp/shots)
 *
 * Honours BASE_PATH (the base the site was built with), E2E_DIST (default dist) and CHROMIUM_PATH.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crawl, launchChromium, nextFrames, normalizeBase, scrollThrough, startServer } from '../tests/e2e/harness.ts';

const VIEWPORTS = [
  { name: '360', width: 360, height: 780 },
  { name: '1280', width: 1280, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;

function parseArgs(argv: string[]): { paths: string[]; out: string } {
  const paths: string[] = [];
  let out = '/tmp/shots';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '-o') {
      const value = argv[++i];
      if (!value) throw new Error('--out needs a folder');
      out = value;
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run shots -- [site paths…] [--out folder]');
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else paths.push(arg);
  }
  return { paths, out: resolve(out) };
}

/** A file-name stem for a site path: `/` → `home`, `/lessons/02-perceptron/` → `lessons-02-perceptron`. */
function stem(path: string): string {
  const cleaned = path.replace(/[?#].*$/, '').replace(/^\/+|\/+$/g, '').replace(/[^a-zA-Z0-9._-]+/g, '-');
  return cleaned === '' ? 'home' : cleaned;
}

async function main(): Promise<void> {
  const { paths: requested, out } = parseArgs(process.argv.slice(2));
  const base = normalizeBase(process.env.BASE_PATH);
  const server = await startServer({ root: process.env.E2E_DIST?.trim() || 'dist', base });
  const browser = await launchChromium();
  try {
    // Site paths without the base, e.g. `/lessons/02-perceptron/`.
    const paths =
      requested.length > 0
        ? requested.map((p) => (p.startsWith('/') ? p : `/${p}`))
        : [...(await crawl(server.url)).map((p) => `/${p.path.slice(base.length)}`), '/404-check'];
    mkdirSync(out, { recursive: true });
    const started = Date.now();
    let count = 0;
    for (const viewport of VIEWPORTS) {
      for (const theme of THEMES) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: theme,
          reducedMotion: 'reduce',
          storageState: { cookies: [], origins: [{ origin: server.origin, localStorage: [{ name: 'nn-theme', value: theme }] }] },
        });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          // The missing page's own 404 status is expected.
          if (message.location().url.endsWith('/404-check') && /^Failed to load resource/.test(message.text())) return;
          problems.push(`console error: ${message.text()}`);
        });
        for (const path of paths) {
          problems.length = 0;
          const url = new URL(path.replace(/^\//, ''), server.url).href;
          const response = await page.goto(url, { waitUntil: 'load' });
          await scrollThrough(page);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await nextFrames(page, 3);
          const file = join(out, `${stem(path)}--${viewport.name}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          count++;
          const status = response?.status() ?? 0;
          const note = [status === 200 || path === '/404-check' ? '' : `HTTP ${status}`, ...problems].filter(Boolean).join('; ');
          console.log(`${file}${note ? `  (${note})` : ''}`);
        }
        await context.close();
      }
    }
    console.log(`${count} screenshots in ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

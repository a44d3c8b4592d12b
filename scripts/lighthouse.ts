/**
 * Lighthouse 13 on the built site, mobile (its default configuration): performance,
 * accessibility, best practices and SEO for every HTML page of both languages, then for each
 * widget of the lesson pages opened from its share link (the lesson page with the widget's state
 * in `?w-<id>=` and `#<id>`, as "Copy link" writes it). Builds nothing: run `npm run build` first.
 *
 *   npm run lighthouse                           every page, then every widget's share link
 *   npm run lighthouse -- --only playground      only the visits whose page or widget contains this
 *   npm run lighthouse -- --runs 3               the median of three runs per visit (default 1)
 *   npm run lighthouse -- --save /tmp/lh         also write each run's full report and trace there as JSON
 *
 * The site is served by the browser tests' static server, behind a proxy that compresses text
 * with brotli or gzip as a static host does (the test server sends files uncompressed). Each run
 * gets a fresh Chromium. Prints a markdown table and the lowest performance score; exits non-zero
 * only when a run fails, never for a low score. Honours E2E_DIST (default dist), BASE_PATH and
 * CHROMIUM_PATH.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { median } from '../bench/median.ts';
import { en } from '../src/i18n/en.ts';
import { ko } from '../src/i18n/ko.ts';
import { assertChromium, CHROMIUM_ARGS, hydrateAll, launchChromium, normalizeBase, startServer } from '../tests/e2e/harness.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROMIUM_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
/** A score below this gets its failing audits listed under the table. */
const GOOD = 95;
/** Content types a static host compresses. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json|wasm)|image\/svg\+xml)/;

/** One Lighthouse visit: a page, or a lesson page opened from a widget's share link. */
interface Visit {
  /** The site path with the base, e.g. `/lessons/04-deep-networks/`. */
  path: string;
  /** The widget whose share link is opened, or null for a plain visit. */
  widget: string | null;
  /** Path, query and hash to open. */
  target: string;
}

/** What the table shows of one visit (scores 0–100; medians when there are several runs). */
interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  tbt: number;
  lcp: number;
  cls: number;
}

interface Options {
  only: string | null;
  runs: number;
  save: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { only: null, runs: 1, save: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--only') options.only = value();
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--save') options.save = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run lighthouse -- [--only <substring>] [--runs N] [--save <folder>]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`--runs must be a whole number of at least 1, got ${options.runs}`);
  return options;
}

/** Every HTML file of the built site as a site path with the base: English first, then each other language. */
function sitePages(root: string, base: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) files.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  const paths = files.map((f) => base + (f === 'index.html' ? '' : f.endsWith('/index.html') ? f.slice(0, -'index.html'.length) : f));
  const lang = (p: string) => (p.startsWith(`${base}ko/`) ? 1 : 0);
  return paths.sort((a, b) => lang(a) - lang(b) || a.localeCompare(b));
}

/** The ids of the widget frames in a page's HTML (each frame is a `<section id="…" class="nn-widget …">`). */
function widgetIds(html: string): string[] {
  return [...html.matchAll(/<section\b[^>]*\bid="([^"]+)"[^>]*\bclass="nn-widget\b/g)].map((m) => m[1]);
}

/** The built file of a site path. */
function fileOf(root: string, base: string, path: string): string {
  const rel = path.slice(base.length);
  return join(root, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

/**
 * A proxy in front of `upstream` that compresses text responses with brotli (or gzip, for a
 * client that does not accept brotli), keeping each compressed body for the next request.
 */
async function compressingProxy(upstream: string): Promise<{ origin: string; close(): Promise<void> }> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, 'accept-encoding': 'identity' };
    delete headers.host;
    const forward = request(upstream + (req.url ?? '/'), { method: req.method, headers }, (up) => {
      const type = String(up.headers['content-type'] ?? '');
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !COMPRESSIBLE.test(type) || req.method === 'HEAD' ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (!encoding) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (chunk: Buffer) => chunks.push(chunk));
      up.on('end', () => {
        const key = `${encoding} ${up.statusCode} ${req.url}`;
        let body = cache.get(key);
        if (!body) {
          const raw = Buffer.concat(chunks);
          body = encoding === 'br' ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gzipSync(raw, { level: 9 });
          cache.set(key, body);
        }
        res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-encoding': encoding, 'content-length': body.length, vary: 'accept-encoding' });
        res.end(body);
      });
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Each widget's share link on the lesson pages, made the way a reader makes one: open the page,
 * let every island hydrate, press the widget's "Copy link" and read the link from the clipboard
 * (or from the field the frame shows when the clipboard is refused).
 */
async function shareVisits(origin: string, base: string, lessons: { path: string; widgets: string[] }[]): Promise<Visit[]> {
  const visits: Visit[] = [];
  if (lessons.length === 0) return visits;
  const browser = await launchChromium();
  try {
    for (const { path, widgets } of lessons) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const page = await context.newPage();
      await page.goto(origin + path, { waitUntil: 'load' });
      await hydrateAll(page);
      const label = path.startsWith(`${base}ko/`) ? ko['widget.copyLink'] : en['widget.copyLink'];
      for (const id of widgets) {
        await page.evaluate(() => navigator.clipboard.writeText(''));
        await page.locator(`section#${id}`).getByRole('button', { name: label, exact: true }).click();
        const fallback = page.locator(`#${id}-link`);
        let link = '';
        for (let tries = 0; tries < 100 && !link.includes(`w-${id}=`); tries++) {
          link = (await fallback.count()) > 0 ? await fallback.inputValue() : await page.evaluate(() => navigator.clipboard.readText());
          if (!link.includes(`w-${id}=`)) await page.waitForTimeout(100);
        }
        if (!link.includes(`w-${id}=`)) throw new Error(`${path}: the ${id} widget's "Copy link" gave no link (got "${link}")`);
        const url = new URL(link);
        visits.push({ path, widget: id, target: url.pathname + url.search + url.hash });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return visits;
}

/** Starts a headless Chromium with remote debugging on a free port, in a fresh profile. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'nn-lighthouse-'));
  const child = spawn(assertChromium(), [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true });
  };
  // Chromium writes the port it chose into the profile's DevToolsActivePort file.
  const portFile = join(profile, 'DevToolsActivePort');
  for (let waited = 0; waited < 20_000; waited += 50) {
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) return { port, stop };
    }
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  await stop();
  throw new Error('Chromium did not open its remote-debugging port within 20 s');
}

/** The failing audits of a category, worst first: each audit's title, its score and, for a metric, its value. */
type LhResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
function blamed(lhr: LhResult, category: (typeof CATEGORIES)[number]): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const failing = refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ ref, audit }) => ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
    .sort((a, b) => b.ref.weight * (1 - (b.audit.score ?? 1)) - a.ref.weight * (1 - (a.audit.score ?? 1)));
  const lines = failing.map(({ audit }) => `${audit.title} (${Math.round((audit.score ?? 0) * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
  if (category === 'performance') {
    // The metrics say what is slow; the audits with estimated savings and the costliest scripts say why.
    const savings = Object.values(lhr.audits)
      .map((audit) => ({ audit, ms: Object.values(audit.metricSavings ?? {}).reduce((sum: number, v) => sum + (v ?? 0), 0) }))
      .filter(({ audit, ms }) => ms >= 50 && audit.score !== null && audit.score < 1)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map(({ audit, ms }) => `${audit.title} (saves ~${Math.round(ms)} ms)`);
    lines.push(...savings);
    const scripts = ((lhr.audits['bootup-time']?.details as { items?: { url: string; total: number }[] } | undefined)?.items ?? [])
      .slice(0, 3)
      .map((item) => `${shortUrl(item.url, lhr.finalDisplayedUrl)} ${Math.round(item.total)} ms`);
    if (scripts.length > 0) lines.push(`main-thread time by script: ${scripts.join(', ')}`);
  }
  return lines;
}

/** A script's URL as its file name, or "the page" for the page itself (inline scripts). */
function shortUrl(url: string, page: string): string {
  if (url.split('#')[0] === page.split('#')[0]) return 'the page';
  try {
    return new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
  } catch {
    return url;
  }
}

function scoresOf(lhr: LhResult): Scores {
  const score = (c: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    tbt: value('total-blocking-time'),
    lcp: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
  };
}

/** The median of each column over several runs. */
function medianScores(runs: Scores[]): Scores {
  const m = (key: keyof Scores) => median(runs.map((r) => r[key]));
  return { performance: m('performance'), accessibility: m('accessibility'), bestPractices: m('bestPractices'), seo: m('seo'), tbt: m('tbt'), lcp: m('lcp'), cls: m('cls') };
}

const nameOf = (v: Pick<Visit, 'path' | 'widget'>) => (v.widget ? `${v.path} + ${v.widget} (share link)` : v.path);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const base = normalizeBase(process.env.BASE_PATH);
  const root = resolve(process.env.E2E_DIST?.trim() || 'dist');
  const server = await startServer({ root, base });
  const proxy = await compressingProxy(server.origin);
  const failures: string[] = [];
  const notes: string[] = [];
  const rows: { visit: Visit; scores: Scores | null }[] = [];
  /** Lighthouse's CPU benchmark of each run: on a busy machine it drops, and the performance scores with it. */
  const benchmarks: number[] = [];
  const loadBefore = loadavg();
  try {
    const pages = sitePages(root, base);
    const matches = (v: { path: string; widget: string | null }) => !options.only || nameOf(v).includes(options.only);
    const plain: Visit[] = pages.map((path) => ({ path, widget: null, target: path })).filter(matches);
    const lessons = pages
      .filter((path) => /\/lessons\/.+/.test(path.slice(base.length - 1)))
      .map((path) => ({ path, widgets: widgetIds(readFileSync(fileOf(root, base, path), 'utf8')).filter((widget) => matches({ path, widget })) }))
      .filter((l) => l.widgets.length > 0);
    const shared = await shareVisits(proxy.origin, base, lessons);
    const visits = [...plain, ...shared];
    if (visits.length === 0) throw new Error(`no page or widget matches --only ${options.only}`);
    if (options.save) mkdirSync(options.save, { recursive: true });

    for (const [i, visit] of visits.entries()) {
      const runs: Scores[] = [];
      for (let run = 0; run < options.runs; run++) {
        const chromium = await startChromium();
        try {
          const result = await lighthouse(proxy.origin + visit.target, { port: chromium.port, logLevel: 'error', onlyCategories: [...CATEGORIES], disableFullPageScreenshot: true });
          const lhr = result?.lhr;
          if (!lhr) throw new Error('Lighthouse returned no result');
          if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
          if (options.save) {
            const stem = nameOf(visit).replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'home';
            writeFileSync(join(options.save, `${stem}-${run + 1}.json`), JSON.stringify(lhr));
            // The page-load trace the metrics were simulated from, for a closer look in DevTools.
            const trace = (result.artifacts as { Trace?: unknown } | undefined)?.Trace;
            if (trace) writeFileSync(join(options.save, `${stem}-${run + 1}.trace.json`), JSON.stringify(trace));
          }
          const scores = scoresOf(lhr);
          runs.push(scores);
          benchmarks.push(lhr.environment.benchmarkIndex);
          if (run === options.runs - 1) {
            for (const category of CATEGORIES) {
              if ((lhr.categories[category]?.score ?? 0) * 100 < GOOD) notes.push(`- ${nameOf(visit)}, ${category} ${scores[category === 'best-practices' ? 'bestPractices' : category]}: ${blamed(lhr, category).join('; ') || 'no weighted audit failed'}`);
            }
          }
        } catch (error) {
          failures.push(`${nameOf(visit)}: ${(error as Error).message}`);
          break;
        } finally {
          await chromium.stop();
        }
      }
      const scores = runs.length === options.runs ? medianScores(runs) : null;
      rows.push({ visit, scores });
      console.error(`[${i + 1}/${visits.length}] ${nameOf(visit)}: ${scores ? `performance ${scores.performance}` : 'failed'}`);
    }
  } finally {
    await proxy.close();
    await server.close();
  }

  const cell = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  console.log(`\nLighthouse 13, mobile (default configuration), ${options.runs === 1 ? 'one run' : `median of ${options.runs} runs`} per visit; ${root}, served compressed\n`);
  console.log('| page | performance | TBT ms | LCP ms | CLS | accessibility | best practices | SEO |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { visit, scores: s } of rows) {
    const name = `\`${visit.path}\`${visit.widget ? ` + ${visit.widget} (share link)` : ''}`;
    if (!s) console.log(`| ${name} | failed | | | | | | |`);
    else console.log(`| ${name} | ${s.performance} | ${cell(s.tbt)} | ${cell(s.lcp)} | ${cell(s.cls, 3)} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} |`);
  }
  const scored = rows.filter((r): r is { visit: Visit; scores: Scores } => r.scores !== null);
  if (scored.length > 0) {
    const worst = scored.reduce((a, b) => (b.scores.performance < a.scores.performance ? b : a));
    console.log(`\nLowest performance score: ${worst.scores.performance}, ${nameOf(worst.visit)} (${scored.length} visits in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    console.log(`CPU benchmark index ${Math.round(Math.min(...benchmarks))}–${Math.round(Math.max(...benchmarks))} (median ${Math.round(median(benchmarks))}); load average before ${load(loadBefore)}, after ${load(loadavg())}`);
  }
  if (notes.length > 0) console.log(`\nBelow ${GOOD}, what Lighthouse blamed:\n${notes.join('\n')}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} visit(s) failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();

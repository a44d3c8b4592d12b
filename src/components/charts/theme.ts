/**
 * The chart palette, read from the CSS variables of src/styles/tokens.css, and the signals that
 * tell a chart to redraw: a theme change, or a change of the reduced-motion preference.
 */

/** Every colour and font a chart or heatmap draws with, resolved for the current theme. */
export interface Palette {
  bg: string;
  surface: string;
  surface2: string;
  text: string;
  textMuted: string;
  border: string;
  borderStrong: string;
  grid: string;
  accent: string;
  focus: string;
  /** Class colours: 0 / negative (orange), 1 / positive (blue), 2 (green). */
  classes: [string, string, string];
  /** Soft tints of the class colours. */
  classSoft: [string, string, string];
  /** Series colours in order: `series[0]` is `--nn-series-1`. */
  series: string[];
  success: string;
  warning: string;
  danger: string;
  fontSans: string;
  fontMono: string;
}

/** Fallbacks (the light theme) for when a variable is missing, e.g. in tests without the stylesheet. */
const FALLBACK: Record<string, string> = {
  '--nn-bg': '#fbfaf7',
  '--nn-surface': '#ffffff',
  '--nn-surface-2': '#f2f0ea',
  '--nn-text': '#1d1f24',
  '--nn-text-muted': '#555b66',
  '--nn-border': '#d9d6cc',
  '--nn-border-strong': '#8a8f99',
  '--nn-grid': '#e6e3da',
  '--nn-accent': '#3b46c4',
  '--nn-focus': '#3b46c4',
  '--nn-class-0': '#c2410c',
  '--nn-class-1': '#1d64c2',
  '--nn-class-2': '#2f855a',
  '--nn-class-0-soft': '#fbd9c6',
  '--nn-class-1-soft': '#cfe1fa',
  '--nn-class-2-soft': '#cdebd9',
  '--nn-series-1': '#3b46c4',
  '--nn-series-2': '#c2410c',
  '--nn-series-3': '#1f7a3f',
  '--nn-series-4': '#a21caf',
  '--nn-series-5': '#0e7490',
  '--nn-series-6': '#8a5a00',
  '--nn-series-7': '#be123c',
  '--nn-success': '#1b7239',
  '--nn-warning': '#8a5a00',
  '--nn-danger': '#b42318',
  '--nn-font-sans': 'system-ui, sans-serif',
  '--nn-font-mono': 'ui-monospace, monospace',
};

/** Number of series colours in the tokens. */
export const SERIES_COUNT = 7;

/**
 * What the palette depends on: the chosen theme, the system colour scheme, print, forced colours
 * and contrast. The variables are read once for each such state, not once a task: reading them
 * while a widget is being built forces the browser to recompute the styles of the whole page,
 * which on a long lesson costs tens of milliseconds each time.
 */
const QUERIES = ['(prefers-color-scheme: dark)', 'print', '(forced-colors: active)', '(prefers-contrast: more)'];
let queries: MediaQueryList[] | null = null;

function themeKey(): string {
  queries ??= typeof window.matchMedia === 'function' ? QUERIES.map((q) => window.matchMedia(q)) : [];
  let key = document.documentElement.getAttribute('data-theme') ?? '';
  for (const q of queries) key += q.matches ? '1' : '0';
  return key;
}

/** The variables read in the current theme state, and the palette made of them. */
let cache: { key: string; vars: Map<string, string>; palette: Palette | null } | null = null;

function current(): NonNullable<typeof cache> {
  const key = themeKey();
  if (!cache || cache.key !== key) cache = { key, vars: new Map(), palette: null };
  return cache;
}

function forgetPalette(): void {
  cache = null;
}

/** The value of CSS variable `name` (e.g. `--nn-text`) on `<html>`, or its light-theme fallback. */
export function cssVar(name: string, root?: Element): string {
  if (typeof document === 'undefined') return FALLBACK[name] ?? '';
  if (root) return getComputedStyle(root).getPropertyValue(name).trim() || FALLBACK[name] || '';
  const { vars } = current();
  let value = vars.get(name);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || FALLBACK[name] || '';
    vars.set(name, value);
  }
  return value;
}

/**
 * A colour given as a CSS variable name (`'--nn-series-2'`) or as a CSS colour (`'#c2410c'`),
 * resolved to a colour; `fallback` when it is missing or resolves to nothing.
 */
export function resolveColor(color: string | undefined, fallback: string): string {
  if (!color) return fallback;
  if (color.startsWith('--')) return cssVar(color) || fallback;
  return color;
}

/** The current theme's palette, read from the CSS variables (once for each theme state). */
export function readPalette(): Palette {
  if (typeof document === 'undefined') return computePalette();
  const state = current();
  state.palette ??= computePalette();
  return state.palette;
}

function computePalette(): Palette {
  const v = (name: string) => cssVar(name);
  return {
    bg: v('--nn-bg'),
    surface: v('--nn-surface'),
    surface2: v('--nn-surface-2'),
    text: v('--nn-text'),
    textMuted: v('--nn-text-muted'),
    border: v('--nn-border'),
    borderStrong: v('--nn-border-strong'),
    grid: v('--nn-grid'),
    accent: v('--nn-accent'),
    focus: v('--nn-focus'),
    classes: [v('--nn-class-0'), v('--nn-class-1'), v('--nn-class-2')],
    classSoft: [v('--nn-class-0-soft'), v('--nn-class-1-soft'), v('--nn-class-2-soft')],
    series: Array.from({ length: SERIES_COUNT }, (_, i) => v(`--nn-series-${i + 1}`)),
    success: v('--nn-success'),
    warning: v('--nn-warning'),
    danger: v('--nn-danger'),
    fontSans: v('--nn-font-sans'),
    fontMono: v('--nn-font-mono'),
  };
}

/**
 * Calls `callback` (at most once a frame) when the theme changes: the `nn-themechange` event,
 * a change of `data-theme` on <html>, or of the system colour scheme; and when printing starts
 * (at once, on `beforeprint`) or ends, since print uses the light palette. Returns the unsubscribe function.
 */
export function onThemeChange(callback: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  let pending = false;
  const fire = () => {
    forgetPalette();
    if (pending) return;
    pending = true;
    // Wait for the new variables to apply, and fold the event and the attribute change into one call.
    requestAnimationFrame(() => {
      pending = false;
      forgetPalette();
      callback();
    });
  };
  window.addEventListener('nn-themechange', fire);
  const observer = new MutationObserver(fire);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener?.('change', fire);
  // Print is always light: redraw at once on `beforeprint` (the browser takes its print snapshot
  // before the next frame), and again when the print media starts or ends and after printing.
  const printNow = () => {
    forgetPalette();
    callback();
  };
  window.addEventListener('beforeprint', printNow);
  window.addEventListener('afterprint', fire);
  const print = window.matchMedia?.('print');
  print?.addEventListener?.('change', fire);
  return () => {
    window.removeEventListener('nn-themechange', fire);
    observer.disconnect();
    media?.removeEventListener?.('change', fire);
    window.removeEventListener('beforeprint', printNow);
    window.removeEventListener('afterprint', fire);
    print?.removeEventListener?.('change', fire);
  };
}

/** Whether the user asked for reduced motion. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/** Calls `callback` when the reduced-motion preference changes; returns the unsubscribe function. */
export function onReducedMotionChange(callback: (reduced: boolean) => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const media = window.matchMedia('(prefers-reduced-motion: reduce)');
  const listener = () => callback(media.matches);
  media.addEventListener?.('change', listener);
  return () => media.removeEventListener?.('change', listener);
}

/**
 * The course's languages. The site is built once per language (see scripts/build.mjs): English at
 * the deploy base, Korean under `ko/`. `LOCALE` is the language of the build this code is part of,
 * fixed at build time, so every string, module-level or not, is in that language and a page ships
 * one language's catalogue only. `ROOT_BASE` is the deploy base shared by both (`BASE_PATH`).
 */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The language of this build (`LOCALE=ko` when building the Korean site; English otherwise). */
export const LOCALE: Locale = typeof __NN_LOCALE__ === 'string' ? (__NN_LOCALE__ as Locale) : DEFAULT_LOCALE;

/**
 * The language a build is fixed to, or null outside a build (tests, scripts), where the strings of
 * every language are loaded, so `setLocale` can switch between them.
 */
export const BUILD_LOCALE: Locale | null = typeof __NN_LOCALE__ === 'string' ? (__NN_LOCALE__ as Locale) : null;

/** The deploy base both languages live under, with a trailing slash (`/` or e.g. `/nn/`). */
export const ROOT_BASE: string = (typeof __NN_ROOT_BASE__ === 'string' ? __NN_ROOT_BASE__ : '/').replace(/\/?$/, '/');

/** Each language's name in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

/** The base of a language's pages: the root for English, `ko/` below it for Korean. */
export function localeBase(locale: Locale, root: string = ROOT_BASE): string {
  return locale === DEFAULT_LOCALE ? root : `${root}${locale}/`;
}

/**
 * A page's path within its language (`/nn/ko/lessons/x/` → `lessons/x/`), from its full path, or
 * null when the path is not under that language's base.
 */
export function pathInLocale(pathname: string, locale: Locale, root: string = ROOT_BASE): string | null {
  const base = localeBase(locale, root);
  if (pathname === base.replace(/\/$/, '')) return '';
  if (!pathname.startsWith(base)) return null;
  const rest = pathname.slice(base.length);
  // An English path that is really a Korean one (`/ko/...`) is not an English page.
  if (locale === DEFAULT_LOCALE && LOCALES.some((l) => l !== DEFAULT_LOCALE && (rest === l || rest.startsWith(`${l}/`)))) return null;
  return rest;
}

/** The same page in another language: `/lessons/x/` (English) → `/ko/lessons/x/`. */
export function switchPath(pathname: string, from: Locale, to: Locale, root: string = ROOT_BASE): string {
  const rest = pathInLocale(pathname, from, root) ?? '';
  return `${localeBase(to, root)}${rest}`;
}

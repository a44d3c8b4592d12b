/** Prefixes a site-internal path with the deploy base (`BASE_PATH`), e.g. `/lessons/x` → `/nn/lessons/x`. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${base}${rest}` || '/';
}

/** The URL path of a lesson page, from its content id (the file name without `.mdx`). */
export function lessonHref(id: string): string {
  return withBase(`/lessons/${id}/`);
}

export { LOCALE, ROOT_BASE, localeBase, switchPath } from '../i18n/locales.ts';

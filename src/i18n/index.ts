/**
 * UI strings: `t(key, params)`. The catalogue is the build's language (`LOCALE`, fixed at build
 * time), so the other language's strings are dropped from the bundle. `setLocale` switches it
 * where both are loaded (tests, scripts).
 */
import { en, type MessageKey, type Messages } from './en.ts';
import { ko } from './ko.ts';
import { LOCALE, type Locale } from './locales.ts';

export type { MessageKey, Messages };
export { LOCALE };

let current: Partial<Messages> = LOCALE === 'ko' ? ko : en;

/** Chooses the catalogue used by `t` (English for an unknown locale). */
export function setLocale(locale: Locale | string): void {
  current = locale === 'ko' ? ko : en;
}

/** The UI string for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

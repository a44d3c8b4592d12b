/**
 * UI strings: `t(key, params)`. `t` finds a key among the strings registered so far. The strings
 * come in groups (./en/<group>.ts, ./ko/<group>.ts): this module registers `core`; every other
 * group has a module in ./strings/ that registers it when imported, and each module that uses a
 * group's keys imports it (tests/i18n/groups.test.ts checks), so a page ships only the strings of
 * what it shows. A build registers its own language only (`LOCALE`, fixed at build time), so the
 * other language is dropped from the bundle; tests and scripts load both, and `setLocale` switches
 * every registered group between them.
 */
import type { MessageKey, Messages } from './en.ts';
import { core as enCore } from './en/core.ts';
import { core as koCore } from './ko/core.ts';
import { BUILD_LOCALE, LOCALE, type Locale } from './locales.ts';

export type { MessageKey, Messages };
export { LOCALE };

const registered: Record<Locale, Partial<Messages>> = { en: {}, ko: {} };
let current: Locale = LOCALE;

/** Adds a group of strings in `locale` to those `t` finds. */
export function register(locale: Locale, strings: Partial<Messages>): void {
  Object.assign(registered[locale], strings);
}

if (BUILD_LOCALE !== 'ko') register('en', enCore);
if (BUILD_LOCALE !== 'en') register('ko', koCore);

/** Chooses the language `t` reads, for every group (English for an unknown locale). */
export function setLocale(locale: Locale | string): void {
  current = locale === 'ko' ? 'ko' : 'en';
}

/** The UI string for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = registered[current][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

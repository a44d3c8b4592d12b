import { en, type MessageKey, type Messages } from './en.ts';

export type { MessageKey, Messages };

const catalogs: Record<string, Messages> = { en };
let current: Messages = en;

/** Chooses the catalogue used by `t` (falls back to English for an unknown locale). */
export function setLocale(locale: string): void {
  current = catalogs[locale] ?? en;
}

/** The UI string for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

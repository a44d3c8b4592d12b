/**
 * A page's prose, written once per language as plain strings with three marks: `**bold**`,
 * `` `code` `` and `[text](path)` (a site path, put under the deploy base when rendered). The
 * pages keep their markup and change only the words; `InlineText.astro` renders the parts.
 */
export type InlinePart =
  | { kind: 'text' | 'strong' | 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

const MARK = /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** `Open the **notation** page` → text, strong, text. An unmatched mark stays plain text. */
export function inlineParts(source: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let at = 0;
  for (const m of source.matchAll(MARK)) {
    if (m.index > at) parts.push({ kind: 'text', text: source.slice(at, m.index) });
    if (m[1] !== undefined) parts.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) parts.push({ kind: 'code', text: m[2] });
    else parts.push({ kind: 'link', text: m[3], href: m[4] });
    at = m.index + m[0].length;
  }
  if (at < source.length) parts.push({ kind: 'text', text: source.slice(at) });
  return parts;
}

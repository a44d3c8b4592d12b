/** CSV text for "Download data": RFC 4180 quoting, spreadsheet-safe text cells. */

/**
 * One CSV field. Numbers are written in full precision (non-finite ones as an empty field); text
 * is quoted when it holds a comma, quote or line break, and text that a spreadsheet would run as a
 * formula (starting with =, +, -, @) gets a leading apostrophe.
 */
export function csvField(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header line, then one line per row, each line ending in CRLF. */
export function toCSV(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

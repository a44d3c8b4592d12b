/** Number formatting for the perceptron lab: short, exact for the lab's two-decimal values. */

const MINUS = '\u2212';

/** A value for reading: at most 3 decimals, no trailing zeros, a typographic minus, "–" if not finite. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const text = String(Number(value.toFixed(3)) + 0);
  return text.replace('-', MINUS);
}

/** A value for a table column: always 2 decimals, a typographic minus, "–" if not finite. */
export function formatFixed(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Number(value.toFixed(2)) + 0;
  return rounded.toFixed(2).replace('-', MINUS);
}

/** A value for an editable field: at most 2 decimals, a plain ASCII minus. */
export function formatInput(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toFixed(2)) + 0);
}

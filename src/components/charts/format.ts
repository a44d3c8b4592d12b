/** Number formatting for axes, tooltips and text summaries. */

/**
 * A short label for a number: up to 4 significant digits, exponent form below 1e-3 and from 1e5
 * (e.g. 0.25, 1200, 3.5e-7), a typographic minus, and "–" for anything non-finite.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  let text: string;
  if (abs < 1e-3 || abs >= 1e5) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    text = `${Number(mantissa)}e${Number(exponent)}`;
  } else {
    text = String(Number(value.toPrecision(4)));
  }
  return text.replace(/-/g, '\u2212');
}

/** Numbers as the playground prints them; anything not finite prints as a dash, never "NaN". */

const MINUS = '\u2212';

/** A loss or any positive quantity to three significant digits: 0.231, 0.000123, 617000, 1.2e+12. */
export function formatLoss(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return String(Number(value.toPrecision(3))).replace('-', MINUS);
}

/** An accuracy in [0, 1] as a whole percentage: 0.934 → "93%". */
export function formatPercent(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return `${Math.round(value * 100)}%`;
}

/** A weight or bias to three decimals (more digits past 1000 as needed), with a true minus sign. */
export function formatParam(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const text = Math.abs(value) >= 1e4 ? value.toPrecision(4) : value.toFixed(3);
  return (text === '-0.000' ? '0.000' : text).replace('-', MINUS);
}

/** A learning rate as typed: 0.03, 1e-5, 1000000. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 1e-3 ? value.toExponential() : String(value);
}

/**
 * Small colour helpers for the canvas code: parse CSS colours into RGBA numbers, mix them, and
 * add transparency. Pure functions (no DOM), so they are unit-tested.
 */

/** A colour as red, green, blue (0–255) and alpha (0–1). */
export type RGBA = [number, number, number, number];

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^rgba?\(\s*([^)]*)\)$/i;

/** Parses `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` and `rgba(…)` (comma or space syntax); null otherwise. */
export function parseColor(text: string): RGBA | null {
  const value = text.trim();
  const hex = HEX.exec(value);
  if (hex) {
    let digits = hex[1];
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    const n = (i: number) => parseInt(digits.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), digits.length === 8 ? n(6) / 255 : 1];
  }
  const func = FUNC.exec(value);
  if (func) {
    const parts = func[1].split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const channel = (p: string) => (p.endsWith('%') ? (parseFloat(p) / 100) * 255 : parseFloat(p));
    const rgb = parts.slice(0, 3).map(channel);
    const alphaText = parts[3];
    const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
    if ([...rgb, alpha].some((x) => !Number.isFinite(x))) return null;
    const clamp = (x: number, hi: number) => Math.min(hi, Math.max(0, x));
    return [clamp(Math.round(rgb[0]), 255), clamp(Math.round(rgb[1]), 255), clamp(Math.round(rgb[2]), 255), clamp(alpha, 1)];
  }
  return null;
}

/** The colour a fraction `t` (0–1) of the way from `a` to `b`, channel by channel. */
export function mix(a: RGBA, b: RGBA, t: number): RGBA {
  const u = Math.min(1, Math.max(0, t));
  return [
    Math.round(a[0] + (b[0] - a[0]) * u),
    Math.round(a[1] + (b[1] - a[1]) * u),
    Math.round(a[2] + (b[2] - a[2]) * u),
    a[3] + (b[3] - a[3]) * u,
  ];
}

/** `rgba(…)` text for a colour, with its alpha multiplied by `alpha`. */
export function toCss([r, g, b, a]: RGBA, alpha = 1): string {
  return `rgba(${r}, ${g}, ${b}, ${+(a * alpha).toFixed(3)})`;
}

/** A CSS colour with transparency `alpha` (0–1); colours it cannot parse are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const rgba = parseColor(color);
  return rgba ? toCss(rgba, alpha) : color;
}

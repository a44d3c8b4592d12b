/**
 * Saving what a widget shows: a canvas or an SVG becomes a PNG on the theme's background, and any
 * text becomes a downloaded file. Browser-only.
 */

/** Style properties copied inline into an exported SVG, so it renders as on screen without the page's CSS. */
const SVG_STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dashoffset',
  'stroke-miterlimit',
  'paint-order',
  'vector-effect',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Offers `blob` to the user as a file called `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the file before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers `text` as a file (UTF-8, with a byte-order mark for CSV so spreadsheets read it right). */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const bom = type.startsWith('text/csv') ? '\uFEFF' : '';
  downloadBlob(new Blob([bom + text], { type }), filename);
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png');
  });
}

/** A copy of `svg` with every element's computed presentation written inline. */
function inlineSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const style = getComputedStyle(el);
    const out = target[i] as SVGElement;
    const inline = SVG_STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    out.setAttribute('style', inline);
    out.removeAttribute('class');
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(clone);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The drawing could not be rendered.'));
    img.src = url;
  });
}

/**
 * A PNG of a canvas (at its own resolution) or an SVG (at `scale` × its on-screen size), painted
 * over `background` so it reads the same outside the page.
 */
export async function toPngBlob(el: HTMLCanvasElement | SVGSVGElement, background: string, scale = 2): Promise<Blob> {
  const out = document.createElement('canvas');
  const ctx = () => {
    const c = out.getContext('2d');
    if (!c) throw new Error('No 2-D canvas available.');
    c.fillStyle = background;
    c.fillRect(0, 0, out.width, out.height);
    return c;
  };
  if (el instanceof HTMLCanvasElement) {
    out.width = el.width;
    out.height = el.height;
    ctx().drawImage(el, 0, 0);
    return canvasToBlob(out);
  }
  const box = el.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const url = URL.createObjectURL(new Blob([inlineSvg(el, width, height)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    out.width = Math.round(width * scale);
    out.height = Math.round(height * scale);
    ctx().drawImage(img, 0, 0, out.width, out.height);
    return await canvasToBlob(out);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** One entry of a legend drawn into an exported picture. */
export interface LegendEntry {
  label: string;
  /** A CSS colour (resolved, not a variable name). */
  color: string;
  dashed?: boolean;
}

/**
 * A copy of a chart's canvas with a legend above it (a swatch and a name per entry, wrapped into
 * rows), for charts whose legend is part of the page rather than of the canvas.
 */
export function withLegend(
  source: HTMLCanvasElement,
  entries: readonly LegendEntry[],
  style: { text: string; background: string; font: string },
): HTMLCanvasElement {
  const scale = source.width / (source.clientWidth || source.width);
  const pad = 8;
  const swatch = 22;
  const rowHeight = 20;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx || entries.length === 0) return source;
  const font = `13px ${style.font}`;
  ctx.font = font;
  const width = source.width / scale;
  // lay the entries out in rows, left to right
  const spots: { x: number; row: number; entry: LegendEntry }[] = [];
  let x = pad;
  let row = 0;
  for (const entry of entries) {
    const w = swatch + 6 + ctx.measureText(entry.label).width;
    if (x > pad && x + w > width - pad) {
      x = pad;
      row++;
    }
    spots.push({ x, row, entry });
    x += w + 16;
  }
  const legendHeight = pad * 2 + (row + 1) * rowHeight;
  out.width = source.width;
  out.height = Math.round(source.height + legendHeight * scale);
  ctx.fillStyle = style.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.save();
  ctx.scale(scale, scale);
  ctx.font = font;
  ctx.textBaseline = 'middle';
  for (const { x: left, row: r, entry } of spots) {
    const mid = pad + r * rowHeight + rowHeight / 2;
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = 2.5;
    ctx.setLineDash(entry.dashed ? [6, 4] : []);
    ctx.beginPath();
    ctx.moveTo(left, mid);
    ctx.lineTo(left + swatch, mid);
    ctx.stroke();
    ctx.fillStyle = style.text;
    ctx.fillText(entry.label, left + swatch + 6, mid);
  }
  ctx.restore();
  ctx.drawImage(source, 0, Math.round(legendHeight * scale));
  return out;
}

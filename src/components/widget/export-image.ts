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

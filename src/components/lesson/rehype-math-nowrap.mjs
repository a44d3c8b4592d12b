/**
 * A rehype plugin, run after rehype-katex: keeps the text written right against an inline formula
 * on the formula's line. In `$w_1$, the weight` a browser may otherwise put the comma at the start of
 * the next line, because a formula is a row of inline blocks and the line may break after any of them.
 *
 * The formula and the characters touching it (the run up to the nearest space on either side, such
 * as `,` `.` `)` `-axis` or an opening `(`) are wrapped in `<span class="nn-math-nowrap">`, styled
 * `white-space: nowrap`. Chromium decides whether a line may break after an inline block by the
 * style of the block's own parent, so the formula's first and last pieces (KaTeX's `.katex-base`
 * runs) that touch such text are also wrapped, in `<span class="nn-math-edge">`, styled the same.
 * The formula itself keeps `white-space: normal`, so a long one still breaks between its terms on a
 * narrow screen; only the joins to the neighbouring text are protected.
 */

/** The class of the span around a formula and the text touching it. */
export const NOWRAP_CLASS = 'nn-math-nowrap';

/** The class of the span around a formula's first or last piece, where it touches that text. */
export const EDGE_CLASS = 'nn-math-edge';

/** @param {any} node */
function classes(node) {
  const name = node?.properties?.className;
  return Array.isArray(name) ? name : typeof name === 'string' ? name.split(/\s+/) : [];
}

/** An inline KaTeX formula: `<span class="katex">` outside display math. */
/** @param {any} node @param {any} parent */
function isInlineFormula(node, parent) {
  return node?.type === 'element' && classes(node).includes('katex') && !classes(parent).includes('katex-display');
}

/** @param {any} value */
const text = (value) => ({ type: 'text', value });

/** Wraps the first and/or last piece of a formula's visible markup (`.katex-html`) in an edge span. */
/** @param {any} katex @param {boolean} first @param {boolean} last */
function markEdges(katex, first, last) {
  const html = katex.children.find((/** @type {any} */ c) => c.type === 'element' && classes(c).includes('katex-html'));
  if (!html) return;
  const pieces = html.children.filter((/** @type {any} */ c) => c.type === 'element');
  const targets = new Set([first && pieces[0], last && pieces[pieces.length - 1]].filter(Boolean));
  html.children = html.children.map((/** @type {any} */ c) =>
    targets.has(c) ? { type: 'element', tagName: 'span', properties: { className: [EDGE_CLASS] }, children: [c] } : c,
  );
}

/** Wraps each inline formula of `parent` together with the text touching it. */
/** @param {any} parent */
function wrapChildren(parent) {
  const out = [];
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (!isInlineFormula(node, parent)) {
      out.push(node);
      continue;
    }
    const inner = [node];
    // Text just before: the run of non-space characters at its end, e.g. "(".
    const before = out[out.length - 1];
    if (before?.type === 'text') {
      const lead = /\S+$/.exec(before.value)?.[0] ?? '';
      if (lead) {
        before.value = before.value.slice(0, -lead.length);
        if (before.value === '') out.pop();
        inner.unshift(text(lead));
      }
    }
    // Text just after: the run of non-space characters at its start, e.g. "," or ")." or "-axis".
    const after = children[i + 1];
    if (after?.type === 'text') {
      const trail = /^\S+/.exec(after.value)?.[0] ?? '';
      if (trail) {
        inner.push(text(trail));
        children[i + 1] = text(after.value.slice(trail.length));
      }
    }
    if (inner.length === 1) {
      out.push(node);
      continue;
    }
    markEdges(node, inner[0] !== node, inner[inner.length - 1] !== node);
    out.push({ type: 'element', tagName: 'span', properties: { className: [NOWRAP_CLASS] }, children: inner });
  }
  parent.children = out.filter((n) => !(n.type === 'text' && n.value === ''));
}

/** @param {any} node */
function walk(node) {
  if (!Array.isArray(node.children)) return;
  // A formula's own markup is KaTeX's business: nothing inside it is touched.
  if (node.type === 'element' && (classes(node).includes('katex') || classes(node).includes(NOWRAP_CLASS))) return;
  if (node.children.some((/** @type {any} */ child) => isInlineFormula(child, node))) wrapChildren(node);
  for (const child of node.children) walk(child);
}

/** The plugin: `rehypePlugins: [rehypeKatex, rehypeMathNowrap]`. */
export default function rehypeMathNowrap() {
  return (/** @type {any} */ tree) => walk(tree);
}

import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import rehypeMathNowrap, { EDGE_CLASS, NOWRAP_CLASS } from '../../../src/components/lesson/rehype-math-nowrap.mjs';

/** Markdown → HTML through the site's math pipeline, with or without the plugin. */
async function html(markdown: string, withPlugin = true): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'htmlAndMathml', strict: 'error' });
  if (withPlugin) processor.use(rehypeMathNowrap);
  return String(await processor.use(rehypeStringify).process(markdown));
}

/** The HTML with each formula's markup replaced by `[tex]`, so the structure around it reads plainly. */
function outline(out: string): string {
  const doc = new DOMParser().parseFromString(out, 'text/html');
  for (const katex of Array.from(doc.querySelectorAll('.katex'))) {
    const tex = katex.querySelector('annotation')?.textContent ?? '?';
    katex.replaceWith(doc.createTextNode(`[${tex}]`));
  }
  return doc.body.innerHTML.trim();
}

const span = (inner: string) => `<span class="${NOWRAP_CLASS}">${inner}</span>`;

describe('rehypeMathNowrap', () => {
  test('without the plugin, the comma after a formula is a separate text node the line may break before', async () => {
    expect(outline(await html('the weight $w_1$, then', false))).toBe('<p>the weight [w_1], then</p>');
    expect(await html('the weight $w_1$, then', false)).not.toContain(NOWRAP_CLASS);
  });

  test('wraps an inline formula and the comma right after it in one nowrap span', async () => {
    expect(outline(await html('the weight $w_1$, then the bias'))).toBe(`<p>the weight ${span('[w_1],')} then the bias</p>`);
  });

  test.each([
    ['a period at the end of a sentence', 'It fires when $z > 0$.', `<p>It fires when ${span('[z &gt; 0].')}</p>`],
    ['an opening bracket and a closing one with a comma', 'the bias ($b$), a constant', `<p>the bias ${span('([b]),')} a constant</p>`],
    ['a word joined by a hyphen', 'the $x_2$-axis', `<p>the ${span('[x_2]-axis')}</p>`],
    ['a colon', 'two weights $w_1, w_2$: one each', `<p>two weights ${span('[w_1, w_2]:')} one each</p>`],
  ])('keeps %s with the formula', async (_name, markdown, expected) => {
    expect(outline(await html(markdown))).toBe(expected);
  });

  test('leaves a formula with spaces on both sides alone, and wraps only the one touching text', async () => {
    expect(outline(await html('if $a$ and $b$; else'))).toBe(`<p>if [a] and ${span('[b];')} else</p>`);
  });

  test('a comma between two formulas goes with the first; spans never nest', async () => {
    const out = await html('the pair $a$,$b$ here');
    expect(outline(out)).toBe(`<p>the pair ${span('[a],')}[b] here</p>`);
    expect(new DOMParser().parseFromString(out, 'text/html').querySelectorAll(`.${NOWRAP_CLASS} .${NOWRAP_CLASS}`)).toHaveLength(0);
  });

  test('marks the formula’s last piece when text follows it, its first when text precedes it', async () => {
    const doc = new DOMParser().parseFromString(await html('so ($z = w x + b$), then $a$, and $c$'), 'text/html');
    const [z, a, c] = Array.from(doc.querySelectorAll('.katex'));
    const pieces = (k: Element) => Array.from(k.querySelector('.katex-html')!.children);
    // z: three runs of KaTeX pieces; "(" before and ")," after mark the first and the last.
    expect(pieces(z).map((p) => p.className)).toEqual([EDGE_CLASS, 'katex-base', EDGE_CLASS]);
    expect(pieces(z).map((p) => p.querySelectorAll('.katex-base').length + (p.matches('.katex-base') ? 1 : 0))).toEqual([1, 1, 1]);
    // a: one piece, text after only: one edge span.
    expect(pieces(a).map((p) => p.className)).toEqual([EDGE_CLASS]);
    // c: spaces on both sides, nothing touches it: untouched.
    expect(pieces(c).map((p) => p.className)).toEqual(['katex-base']);
  });

  test('leaves display math untouched, and each formula reads the same (MathML and text unchanged)', async () => {
    const markdown = 'Before.\n\n$$\nz = w_1 x_1 + b\n$$\n\nAfter $y = x + 1$, done.';
    const withPlugin = await html(markdown);
    const without = await html(markdown, false);
    const parse = (s: string) => new DOMParser().parseFromString(s, 'text/html');
    const read = (s: string) => Array.from(parse(s).querySelectorAll('.katex'), (k) => [k.querySelector('.katex-mathml')!.outerHTML, k.querySelector('.katex-html')!.textContent]);
    expect(read(withPlugin)).toEqual(read(without));
    expect(parse(withPlugin).querySelector('.katex-display')!.outerHTML).toBe(parse(without).querySelector('.katex-display')!.outerHTML);
    const doc = parse(withPlugin);
    expect(doc.querySelectorAll(`.${NOWRAP_CLASS}`)).toHaveLength(1);
    expect(doc.querySelector(`.${NOWRAP_CLASS}`)?.textContent?.endsWith(',')).toBe(true);
    expect(doc.body.textContent).toBe(parse(without).body.textContent);
  });
});

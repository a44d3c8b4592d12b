import { describe, expect, test } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkSlotFragments from '../../../src/components/lesson/remark-slot-fragments.mjs';

/** MDX → JSX text, with or without the plugin. */
async function jsx(source: string, withPlugin = true): Promise<string> {
  const file = await compile(source, { jsx: true, remarkPlugins: withPlugin ? [remarkSlotFragments] : [] });
  return String(file).replace(/\s+/g, ' ');
}

const exercise = `<Exercise id="x" kind="numeric" answer={1}>
  What is one?
  <Fragment slot="hint">Count to *one*.</Fragment>
  <Fragment slot="solution">It is 1.</Fragment>
</Exercise>
`;

describe('remarkSlotFragments', () => {
  test('without the plugin, slotted fragments right after the text end up inside its paragraph', async () => {
    expect(await jsx(exercise, false)).toContain('<_components.p>{"What is one?\\n"}<Fragment slot="hint">');
  });

  test('lifts slotted fragments out of the paragraph, as direct children of the component', async () => {
    const out = await jsx(exercise);
    expect(out).toContain('<_components.p>{"What is one?"}</_components.p>');
    expect(out).toContain(
      '<Fragment slot="hint"><_components.p>{"Count to "}<_components.em>{"one"}</_components.em>{"."}</_components.p></Fragment>',
    );
    expect(out).toContain('<Fragment slot="solution"><_components.p>{"It is 1."}</_components.p></Fragment>');
  });

  test('leaves fragments that are already on their own (blank lines) unchanged', async () => {
    const spaced = exercise.replace('What is one?\n', 'What is one?\n\n').replace('</Fragment>\n  <Fragment', '</Fragment>\n\n  <Fragment');
    expect(await jsx(spaced)).toBe(await jsx(spaced, false));
  });

  test('keeps text written after a slotted fragment in the default slot', async () => {
    const out = await jsx('<Box>\n  Before\n  <Fragment slot="note">N</Fragment>\n  after.\n</Box>\n');
    expect(out).toContain('<_components.p>{"Before"}</_components.p><Fragment slot="note"><_components.p>{"N"}</_components.p></Fragment><_components.p>{"after."}</_components.p>');
  });

  test('does not touch inline elements without a slot, or slots outside a component', async () => {
    const plain = 'Text with <abbr title="x">X</abbr> and <span slot="a">s</span> in a paragraph.\n';
    expect(await jsx(plain)).toBe(await jsx(plain, false));
    const inline = '<Box>\n  Text with <abbr title="x">X</abbr> inline.\n</Box>\n';
    expect(await jsx(inline)).toBe(await jsx(inline, false));
  });
});

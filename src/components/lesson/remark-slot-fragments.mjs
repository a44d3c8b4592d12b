/**
 * A remark plugin for MDX: lets a component's named-slot children sit on the lines right after
 * its text, as lesson authors naturally write them:
 *
 *   <Exercise ...>
 *     What is $w_1 x_1 + b$?
 *     <Fragment slot="hint">Multiply first.</Fragment>
 *   </Exercise>
 *
 * Without a blank line MDX reads the `<Fragment slot="hint">` as part of the question's paragraph,
 * so it is no longer a direct child of the component and its content leaks into the default slot.
 * This plugin lifts every element with a `slot` attribute out of such a paragraph (only inside a
 * component), making it a direct child again; its inline content is wrapped in a paragraph.
 */

/** @param {any} node */
function isSlotted(node) {
  return (
    node.type === 'mdxJsxTextElement' &&
    Array.isArray(node.attributes) &&
    node.attributes.some((/** @type {any} */ a) => a.type === 'mdxJsxAttribute' && a.name === 'slot')
  );
}

/** Drops leading and trailing whitespace of a run of inline nodes; null when nothing is left. */
/** @param {any[]} nodes */
function trimmed(nodes) {
  const run = nodes.map((n) => ({ ...n }));
  while (run.length > 0 && run[0].type === 'text' && run[0].value.trim() === '') run.shift();
  while (run.length > 0 && run[run.length - 1].type === 'text' && run[run.length - 1].value.trim() === '') run.pop();
  if (run.length === 0) return null;
  if (run[0].type === 'text') run[0].value = run[0].value.replace(/^\s+/, '');
  const last = run[run.length - 1];
  if (last.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return run;
}

/** A paragraph holding slotted elements → paragraphs of the other content, and the elements as blocks. */
/** @param {any} paragraph */
function split(paragraph) {
  /** @type {any[]} */
  const out = [];
  /** @type {any[]} */
  let run = [];
  const flush = () => {
    const content = trimmed(run);
    if (content) out.push({ type: 'paragraph', children: content });
    run = [];
  };
  for (const node of paragraph.children) {
    if (!isSlotted(node)) {
      run.push(node);
      continue;
    }
    flush();
    const content = trimmed(node.children ?? []);
    out.push({
      type: 'mdxJsxFlowElement',
      name: node.name,
      attributes: node.attributes,
      children: content ? [{ type: 'paragraph', children: content }] : [],
      position: node.position,
    });
  }
  flush();
  return out;
}

/** @param {any} parent */
function walk(parent) {
  if (!Array.isArray(parent.children)) return;
  if (parent.type === 'mdxJsxFlowElement') {
    parent.children = parent.children.flatMap((/** @type {any} */ child) =>
      child.type === 'paragraph' && child.children.some(isSlotted) ? split(child) : [child],
    );
  }
  for (const child of parent.children) walk(child);
}

/** The plugin: `remarkPlugins: [remarkSlotFragments]`. */
export default function remarkSlotFragments() {
  return (/** @type {any} */ tree) => walk(tree);
}

/**
 * The code cell's editor: CodeMirror 6 with TypeScript, line numbers, bracket matching, undo/redo
 * and Tab to indent (Escape then Tab leaves, CodeMirror's own escape hatch). Its colours are the
 * site's CSS tokens, so it follows light, dark and print without a second theme. Loaded on demand
 * by CodeCell.svelte, so a page pays for it only once a cell nears the viewport.
 */
import { EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, drawSelection, highlightSpecialChars, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

/** What the cell needs from its editor. */
export interface CellEditor {
  code(): string;
  /** Replaces the whole text (Reset); undo brings the edit back. */
  setCode(code: string): void;
  /** Marks a 1-based line as the one an error came from (null clears the mark). */
  markLine(line: number | null): void;
  focus(): void;
  destroy(): void;
}

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  /** The editor's accessible name. */
  label: string;
  onChange: (code: string) => void;
  onRun: () => void;
}

/** Token colours: each a site token, so light and dark come from tokens.css. */
export const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.definitionKeyword, tags.modifier, tags.self], color: 'var(--nn-series-4)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp, tags.escape], color: 'var(--nn-series-3)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--nn-series-2)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--nn-text-muted)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--nn-series-1)' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--nn-series-6)' },
  { tag: tags.propertyName, color: 'var(--nn-series-5)' },
  { tag: tags.invalid, color: 'var(--nn-danger)' },
]);

export const theme = EditorView.theme({
  '&': { color: 'var(--nn-text)', backgroundColor: 'var(--nn-surface)', fontSize: '0.9rem', maxWidth: '100%' },
  '&.cm-focused': { outline: '3px solid var(--nn-focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--nn-font-mono)', lineHeight: '1.5', overflowX: 'auto' },
  '.cm-content': { padding: 'var(--nn-space-3) 0', caretColor: 'var(--nn-text)' },
  '.cm-line': { padding: '0 var(--nn-space-4) 0 var(--nn-space-3)' },
  '.cm-gutters': { backgroundColor: 'var(--nn-surface-2)', color: 'var(--nn-text-muted)', border: 'none', borderRight: '1px solid var(--nn-border)' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 var(--nn-space-2) 0 var(--nn-space-3)', minWidth: '2ch' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--nn-text)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--nn-accent-soft)',
  },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--nn-accent-soft)', outline: '1px solid var(--nn-accent)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--nn-danger-soft)' },
  '.nn-cell-error-line': { backgroundColor: 'var(--nn-danger-soft)', boxShadow: 'inset 3px 0 0 var(--nn-danger)' },
});

const setErrorLine = StateEffect.define<number | null>();

/** The line an error came from, cleared by the next edit. */
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setErrorLine)) continue;
      const n = effect.value;
      if (n === null || n < 1 || n > tr.state.doc.lines) return Decoration.none;
      const line = tr.state.doc.line(n);
      return Decoration.set([Decoration.line({ class: 'nn-cell-error-line', attributes: { 'data-error-line': String(n) } }).range(line.from)]);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Builds the editor into `parent`. */
export function createEditor(options: EditorOptions): CellEditor {
  const run = () => {
    options.onRun();
    return true;
  };
  const extensions: Extension[] = [
    Prec.highest(keymap.of([
      { key: 'Mod-Enter', run },
      { key: 'Shift-Enter', run },
    ])),
    lineNumbers(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    indentUnit.of('  '),
    EditorState.tabSize.of(2),
    javascript({ typescript: true }),
    syntaxHighlighting(highlight),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    errorLine,
    theme,
    // tabindex: the content is focusable anyway (contenteditable); saying so lets checkers see the scroller is reachable.
    EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent: options.parent, state: EditorState.create({ doc: options.doc, extensions }) });
  return {
    code: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    markLine(line) {
      view.dispatch({ effects: setErrorLine.of(line) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

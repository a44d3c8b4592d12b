/**
 * A read-only view of a widget's Python program: CodeMirror with the Python grammar, line numbers
 * and the code cell's colours (site tokens, so light, dark and print follow). Selectable and
 * focusable, so it can be read with the keyboard and copied in part. Loaded on demand by CodePanel.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, highlightSpecialChars, lineNumbers } from '@codemirror/view';
import { LRLanguage, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { parser } from '@lezer/python';
import { highlight, theme } from '../lesson/cell/editor.ts';

const python = new LanguageSupport(LRLanguage.define({ name: 'python', parser, languageData: { commentTokens: { line: '#' } } }));

export interface CodeView {
  setCode(code: string): void;
  destroy(): void;
}

export function createCodeView(parent: HTMLElement, doc: string, label: string): CodeView {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightSpecialChars(),
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        python,
        syntaxHighlighting(highlight),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true', tabindex: '0', role: 'textbox', 'aria-multiline': 'true' }),
      ],
    }),
  });
  return {
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    destroy: () => view.destroy(),
  };
}

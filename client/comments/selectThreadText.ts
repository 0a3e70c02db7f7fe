import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { ThreadRange } from './resolveThreadRange.js';

/** Selects a thread's text (or block) in the editor and scrolls it into the middle of the view. */
export function selectThreadText(editor: Editor, range: ThreadRange): void {
  const { state, view } = editor;
  const selection = range.isBlock ? NodeSelection.create(state.doc, range.from) : TextSelection.create(state.doc, range.from, range.to);
  view.dispatch(state.tr.setSelection(selection).setMeta('addToHistory', false));
  const node = range.isBlock ? view.nodeDOM(range.from) : view.domAtPos(range.from + 1).node;
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

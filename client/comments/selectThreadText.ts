import type { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection, type Selection } from '@tiptap/pm/state';
import type { ThreadRange } from './resolveThreadRange.js';

/**
 * Selects a thread's text (or block) in the editor and scrolls it into the middle of the view. A
 * section's thread puts the caret at the section's start instead: a whole chapter selected would be
 * replaced by the next key pressed.
 */
export function selectThreadText(editor: Editor, range: ThreadRange): void {
  const { state, view } = editor;
  view.dispatch(state.tr.setSelection(selectionFor(editor, range)).setMeta('addToHistory', false));
  const node = range.kind === 'text' ? view.domAtPos(range.from + 1).node : view.nodeDOM(range.from);
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  element?.scrollIntoView({ block: range.kind === 'section' ? 'start' : 'center', behavior: 'smooth' });
}

function selectionFor({ state }: Editor, range: ThreadRange): Selection {
  if (range.kind === 'block') return NodeSelection.create(state.doc, range.from);
  if (range.kind === 'section') return TextSelection.near(state.doc.resolve(range.from + 1));
  return TextSelection.create(state.doc, range.from, range.to);
}

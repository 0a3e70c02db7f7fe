import type { Editor } from '@tiptap/core';

/** Deletes the node a view stands for, as one undoable step of this member. */
export function removeNode(editor: Editor, getPos: () => number | undefined): void {
  const position = getPos();
  if (position === undefined || !editor.isEditable) return;
  const node = editor.state.doc.nodeAt(position);
  if (node === null) return;
  editor.view.dispatch(editor.state.tr.delete(position, position + node.nodeSize));
  editor.view.focus();
}

import type { Editor } from '@tiptap/core';

/** Changes some attributes of the node a view stands for, keeping the others (each is its own Yjs attribute). */
export function setNodeAttributes(editor: Editor, getPos: () => number | undefined, attributes: Record<string, unknown>): void {
  const position = getPos();
  if (position === undefined || !editor.isEditable) return;
  const node = editor.state.doc.nodeAt(position);
  if (node === null) return;
  editor.view.dispatch(editor.state.tr.setNodeMarkup(position, undefined, { ...node.attrs, ...attributes }));
}

import type { Editor } from '@tiptap/core';

type Listener = (isEditable: boolean) => void;

const listenersByEditor = new WeakMap<Editor, Set<Listener>>();

/**
 * Calls `listener` now and whenever the editor's editability changes (a role
 * change while the plan is open). One editor listener serves every node view,
 * and it does nothing unless editability actually changed, so keystrokes cost
 * nothing here.
 */
export function watchEditable(editor: Editor, listener: Listener): () => void {
  let listeners = listenersByEditor.get(editor);
  if (listeners === undefined) {
    const created = new Set<Listener>();
    listeners = created;
    listenersByEditor.set(editor, created);
    let last = editor.isEditable;
    editor.on('update', () => {
      if (editor.isEditable === last) return;
      last = editor.isEditable;
      for (const notify of created) notify(last);
    });
  }
  listeners.add(listener);
  listener(editor.isEditable);
  return () => listeners?.delete(listener);
}

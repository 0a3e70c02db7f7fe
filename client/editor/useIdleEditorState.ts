import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { whenIdle } from '../scheduling/whenIdle.js';

/** Longest a control may lag the editor while it is busy, e.g. under continuous typing. */
const MAX_LAG_MS = 100;

/**
 * What `select` reads from the editor, read again in the first idle moment
 * after a burst of transactions instead of inside each one. TipTap's
 * useEditorState runs its selector within every transaction, a member's
 * keys and a colleague's remote keys and carets alike: for the toolbar,
 * ~1 ms of `isActive` and `can()` on the path of every key. `select` must be
 * a stable function (module level), and `isEqual` tells when nothing changed,
 * so an unchanged toolbar never renders again.
 */
export function useIdleEditorState<T>(editor: Editor, select: (editor: Editor) => T, isEqual: (a: T, b: T) => boolean): T {
  const [state, setState] = useState(() => select(editor));
  useEffect(() => {
    let cancel: (() => void) | null = null;
    const read = () => {
      cancel = null;
      if (editor.isDestroyed) return;
      const next = select(editor);
      setState((previous) => (isEqual(previous, next) ? previous : next));
    };
    const schedule = () => {
      cancel ??= whenIdle(read, MAX_LAG_MS);
    };
    editor.on('transaction', schedule);
    // The editor may have changed between the first render and this effect.
    schedule();
    return () => {
      editor.off('transaction', schedule);
      cancel?.();
    };
  }, [editor, select, isEqual]);
  return state;
}

import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { collectSuggestions, type Suggestion } from './collectSuggestions.js';

/** Recomputed at most this often while people type: it walks the whole document. */
const REFRESH_DELAY_MS = 150;

/** The document's suggestions, kept current as it changes (locally or remotely). */
export function useSuggestions(editor: Editor | null): Suggestion[] {
  const [suggestions, setSuggestions] = useState<Suggestion[]>(() => (editor === null ? [] : collectSuggestions(editor.state.doc)));
  useEffect(() => {
    if (editor === null) {
      setSuggestions([]);
      return undefined;
    }
    setSuggestions(collectSuggestions(editor.state.doc));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }): void => {
      if (!transaction.docChanged || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        if (!editor.isDestroyed) setSuggestions(collectSuggestions(editor.state.doc));
      }, REFRESH_DELAY_MS);
    };
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);
  return suggestions;
}

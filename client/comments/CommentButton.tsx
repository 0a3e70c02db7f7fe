import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { CommentStore } from './CommentStore.js';
import { COMMENTS_TAB_ID } from './CommentHighlight.js';
import { encodeSelectionAnchor } from './encodeSelectionAnchor.js';
import { revealSidePanelTab } from './revealSidePanelTab.js';

/**
 * "Comment" for the editor toolbar: opens the composer for the selected text or
 * block. Enabled for observers too, who may comment on text they cannot edit.
 */
export function CommentButton({ editor, store }: { editor: Editor; store: CommentStore }) {
  const { t } = useTranslation();
  const hasSelection = useEditorState({ editor, selector: ({ editor: current }) => !current.state.selection.empty });
  return (
    <button
      type="button"
      className="button button--small comment-button"
      title={`${t('comments.comment')} (Ctrl+Alt+M)`}
      aria-keyshortcuts="Control+Alt+M"
      disabled={!hasSelection}
      // Keep the editor selection: a mousedown on the button would otherwise move it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        const anchor = encodeSelectionAnchor(editor.state);
        if (anchor === null) return;
        store.startComment(anchor);
        revealSidePanelTab(COMMENTS_TAB_ID);
      }}
    >
      {t('comments.comment')}
    </button>
  );
}

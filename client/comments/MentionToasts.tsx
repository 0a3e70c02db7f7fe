import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { COMMENTS_TAB_ID } from './CommentHighlight.js';
import type { CommentStore } from './CommentStore.js';
import { revealSidePanelTab } from './revealSidePanelTab.js';
import { SUGGESTIONS_TAB_ID } from '../editor/suggestions/suggestionsTabId.js';

interface Toast {
  key: number;
  threadId: string;
  authorName: string;
}

const TOAST_LIFETIME_MS = 12_000;

/** A thread on a suggestion lives on the suggestion's card in the suggestions tab; any other in the comments tab. */
function showThread(store: CommentStore, threadId: string): void {
  const thread = store.getSnapshot().threads.find((candidate) => candidate.id === threadId);
  if (thread?.anchor.kind !== 'suggestion') {
    store.focusThread(threadId);
    revealSidePanelTab(COMMENTS_TAB_ID);
    return;
  }
  revealSidePanelTab(SUGGESTIONS_TAB_ID);
  // The tab renders its cards on the next frame.
  requestAnimationFrame(() => document.querySelector(`.suggestions-panel [data-thread-id="${CSS.escape(threadId)}"]`)?.scrollIntoView({ block: 'nearest' }));
}

/** A notice when someone mentions the current user in a comment, with a way to the thread. */
export function MentionToasts({ connection, store, userId }: { connection: PlanConnection; store: CommentStore; userId: string }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);

  useEffect(() => {
    let nextKey = 1;
    return connection.channel.onPlanEvent((event) => {
      if (event.type !== 'mentioned' || event.userId !== userId) return;
      const toast = { key: nextKey++, threadId: event.threadId, authorName: event.authorName };
      setToasts((current) => [...current, toast]);
      setTimeout(() => setToasts((current) => current.filter((entry) => entry.key !== toast.key)), TOAST_LIFETIME_MS);
    });
  }, [connection, userId]);

  const dismiss = (key: number): void => setToasts((current) => current.filter((entry) => entry.key !== key));
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.key} className="toast">
          <span>{t('comments.mentionedToast', { name: toast.authorName })}</span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              showThread(store, toast.threadId);
              dismiss(toast.key);
            }}
          >
            {t('comments.showThread')}
          </button>
          <button type="button" className="button button--small button--link" aria-label={t('comments.dismiss')} onClick={() => dismiss(toast.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

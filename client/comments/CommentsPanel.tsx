import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { MentionCandidate } from './MentionCandidate.js';
import { CommentComposer } from './CommentComposer.js';
import type { CommentStore } from './CommentStore.js';
import { matchesThreadFilter, type ThreadFilter } from './matchesThreadFilter.js';
import { orderThreads } from './orderThreads.js';
import { ThreadCard } from './ThreadCard.js';
import { useCommentSnapshot } from './useCommentStore.js';

export interface CommentsPanelProps {
  planId: string;
  store: CommentStore;
  userId: string;
  members: readonly MentionCandidate[];
}

const FILTERS: readonly ThreadFilter[] = ['open', 'resolved', 'all'];
const FILTER_LABELS = { open: 'comments.filterOpen', resolved: 'comments.filterResolved', all: 'comments.filterAll' } as const;

/** The plan's comment threads in document order, with the composer for a new one. */
export function CommentsPanel({ planId, store, userId, members }: CommentsPanelProps) {
  const { t } = useTranslation();
  const snapshot = useCommentSnapshot(store);
  const { threads, filter, focusedThreadId, pendingAnchor, documentVersion } = snapshot;
  const placed = useMemo(
    // Threads on suggestions live on the suggestion cards (SuggestionsPanel).
    () => orderThreads(threads.filter((thread) => thread.anchor.kind !== 'suggestion' && matchesThreadFilter(thread, filter)), store.editor?.state ?? null),
    // documentVersion stands for the editor state, which moves the anchors.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the editor state is read through the store, so the rule cannot see it
    [threads, filter, store, documentVersion],
  );

  return (
    <section className="comments-panel" aria-label={t('comments.panelTitle')}>
      <h2 className="panel__title">{t('comments.panelTitle')}</h2>
      {pendingAnchor !== null ? (
        <CommentComposer key={JSON.stringify(pendingAnchor)} planId={planId} anchor={pendingAnchor} store={store} members={members} />
      ) : (
        <p className="hint">{t('comments.commentShortcutHint')}</p>
      )}
      <div className="segmented" role="group" aria-label={t('comments.filter')}>
        {FILTERS.map((option) => (
          <button key={option} type="button" className="segmented__option" aria-pressed={filter === option} onClick={() => store.setFilter(option)}>
            {t(FILTER_LABELS[option])}
          </button>
        ))}
      </div>
      {snapshot.status === 'loading' && (
        <p className="loading" role="status">
          {t('comments.loading')}
        </p>
      )}
      {snapshot.status === 'error' && (
        <div className="notice notice--error" role="alert">
          {t('comments.loadFailed')} {apiErrorMessage(snapshot.loadError, t)}{' '}
          <button type="button" className="button button--small" onClick={() => void store.reload()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {snapshot.status === 'ready' && placed.length === 0 && <p className="empty">{t('comments.empty')}</p>}
      <div className="comments-panel__threads">
        {placed.map((entry) => (
          <ThreadCard key={entry.thread.id} placed={entry} isFocused={entry.thread.id === focusedThreadId} userId={userId} members={members} store={store} />
        ))}
      </div>
    </section>
  );
}

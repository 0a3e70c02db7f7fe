import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../../shared/deliberation/CommentThread.js';
import type { CommentStore } from '../../comments/CommentStore.js';
import type { MentionCandidate } from '../../comments/MentionCandidate.js';
import { ThreadComments } from '../../comments/ThreadComments.js';
import { ThreadReplyForm } from '../../comments/ThreadReplyForm.js';
import { commentOnSuggestion } from './suggestionThreadApi.js';

export interface SuggestionThreadProps {
  planId: string;
  suggestionId: string;
  authorId: string;
  thread: CommentThread | undefined;
  store: CommentStore;
  userId: string;
  members: readonly MentionCandidate[];
  /** The suggestion has left the text: its thread is read, not answered. */
  isClosed: boolean;
}

/** The discussion of one suggestion on its card: its comments and, while it is in the text, a reply box. */
export function SuggestionThread({ planId, suggestionId, authorId, thread, store, userId, members, isClosed }: SuggestionThreadProps) {
  const { t } = useTranslation();
  const comments = thread?.comments ?? [];

  return (
    <div className="suggestion-thread" data-thread-id={thread?.id}>
      {comments.length > 0 && <ThreadComments comments={comments} userId={userId} store={store} label={t('suggestions.threadLabel')} />}
      {isClosed ? (
        <p className="hint suggestion-thread__closed">{t('suggestions.threadClosed')}</p>
      ) : (
        <ThreadReplyForm
          label={comments.length === 0 ? t('suggestions.threadStart') : t('suggestions.threadReply')}
          submitLabel={t('suggestions.threadSend')}
          members={members}
          action="comment"
          send={async (body, mentions) => store.applyThread(await commentOnSuggestion(planId, { suggestionId, authorId, body, mentions }))}
        />
      )}
    </div>
  );
}

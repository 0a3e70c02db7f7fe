import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../../shared/deliberation/CommentThread.js';
import { FormError } from '../../forms/FormError.js';
import { CommentItem } from '../../comments/CommentItem.js';
import type { CommentStore } from '../../comments/CommentStore.js';
import type { MentionCandidate } from '../../comments/MentionCandidate.js';
import { MentionTextarea } from '../../comments/MentionTextarea.js';
import { collectMentions } from '../../comments/collectMentions.js';
import { commentErrorMessage } from '../../comments/commentErrorMessage.js';
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
  const [body, setBody] = useState('');
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const comments = thread?.comments ?? [];

  const send = async (): Promise<void> => {
    if (body.trim() === '' || isPending) return;
    setIsPending(true);
    setError(null);
    try {
      store.applyThread(await commentOnSuggestion(planId, { suggestionId, authorId, body, mentions: collectMentions(body, members) }));
      setBody('');
    } catch (caught) {
      setError(commentErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <div className="suggestion-thread" data-thread-id={thread?.id}>
      {comments.length > 0 && (
        <ol className="thread__comments" aria-label={t('suggestions.threadLabel')}>
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} isOwn={comment.authorId === userId} store={store} />
          ))}
        </ol>
      )}
      {isClosed ? (
        <p className="hint suggestion-thread__closed">{t('suggestions.threadClosed')}</p>
      ) : (
        <form
          className="thread__reply"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <MentionTextarea label={comments.length === 0 ? t('suggestions.threadStart') : t('suggestions.threadReply')} value={body} onChange={setBody} members={members} onSubmit={() => void send()} />
          <div className="form-actions">
            <button type="submit" className="button button--small button--primary" data-action="comment" disabled={isPending || body.trim() === ''}>
              {isPending ? t('comments.replying') : t('suggestions.threadSend')}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} />
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../forms/FormError.js';
import { CommentItem } from '../comments/CommentItem.js';
import type { CommentStore } from '../comments/CommentStore.js';
import type { MentionCandidate } from '../comments/MentionCandidate.js';
import { MentionTextarea } from '../comments/MentionTextarea.js';
import { collectMentions } from '../comments/collectMentions.js';
import { replyToThread } from '../comments/commentApi.js';
import { commentErrorMessage } from '../comments/commentErrorMessage.js';
import { useCommentSnapshot } from '../comments/useCommentStore.js';

export interface RemarkThreadProps {
  threadId: string;
  store: CommentStore;
  userId: string;
  members: readonly MentionCandidate[];
}

/**
 * The team's thread on a remark, on the remark's card: its comments, live from the plan's comment
 * store, and a reply box while it is open (resolving it stays in the comments tab, where it is listed too).
 */
export function RemarkThread({ threadId, store, userId, members }: RemarkThreadProps) {
  const { t } = useTranslation();
  const { threads } = useCommentSnapshot(store);
  const thread = threads.find((candidate) => candidate.id === threadId);
  const [reply, setReply] = useState('');
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (thread === undefined) return <p className="loading" role="status">{t('consultation.threadLoading')}</p>;

  const send = async (): Promise<void> => {
    if (reply.trim() === '' || isPending) return;
    setIsPending(true);
    setError(null);
    try {
      store.applyComment(await replyToThread(thread.id, { body: reply, mentions: collectMentions(reply, members) }));
      setReply('');
    } catch (caught) {
      setError(commentErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <div className="remark-card__thread" data-thread-id={thread.id}>
      <h5 className="remark-card__thread-title">
        {t('consultation.threadLabel')} {thread.status === 'resolved' && <span className="badge badge--muted">{t('comments.resolved')}</span>}
      </h5>
      <ol className="thread__comments" aria-label={t('consultation.threadLabel')}>
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} isOwn={comment.authorId === userId} store={store} />
        ))}
      </ol>
      {thread.status === 'open' && (
        <form
          className="thread__reply"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <MentionTextarea label={t('comments.replyLabel')} value={reply} onChange={setReply} members={members} onSubmit={() => void send()} />
          <div className="form-actions">
            <button type="submit" className="button button--small button--primary" disabled={isPending || reply.trim() === ''}>
              {isPending ? t('comments.replying') : t('comments.reply')}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} />
      <p className="remark-card__meta">{t('consultation.discussed')}</p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { CommentStore } from '../comments/CommentStore.js';
import type { MentionCandidate } from '../comments/MentionCandidate.js';
import { replyToThread } from '../comments/commentApi.js';
import { ThreadComments } from '../comments/ThreadComments.js';
import { ThreadReplyForm } from '../comments/ThreadReplyForm.js';
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
  if (thread === undefined) return <p className="loading" role="status">{t('consultation.threadLoading')}</p>;

  return (
    <div className="remark-card__thread" data-thread-id={thread.id}>
      <h5 className="remark-card__thread-title">
        {t('consultation.threadLabel')} {thread.status === 'resolved' && <span className="badge badge--muted">{t('comments.resolved')}</span>}
      </h5>
      <ThreadComments comments={thread.comments} userId={userId} store={store} label={t('consultation.threadLabel')} />
      {thread.status === 'open' && (
        <ThreadReplyForm
          label={t('comments.replyLabel')}
          submitLabel={t('comments.reply')}
          members={members}
          send={async (body, mentions) => store.applyComment(await replyToThread(thread.id, { body, mentions }))}
        />
      )}
      <p className="remark-card__meta">{t('consultation.discussed')}</p>
    </div>
  );
}

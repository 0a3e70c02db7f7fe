import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionCandidate } from './MentionCandidate.js';
import { FormError } from '../forms/FormError.js';
import { AnchorQuote } from './AnchorQuote.js';
import { replyToThread, setThreadResolved } from './commentApi.js';
import { commentErrorMessage } from './commentErrorMessage.js';
import { ThreadComments } from './ThreadComments.js';
import type { CommentStore } from './CommentStore.js';
import { ThreadReplyForm } from './ThreadReplyForm.js';
import type { PlacedThread } from './orderThreads.js';
import { selectThreadText } from './selectThreadText.js';

export interface ThreadCardProps {
  placed: PlacedThread;
  isFocused: boolean;
  userId: string;
  members: readonly MentionCandidate[];
  store: CommentStore;
}

/** A thread in the side panel: the quoted passage, its comments, a reply box, resolve or reopen. */
export function ThreadCard({ placed, isFocused, userId, members, store }: ThreadCardProps) {
  const { t } = useTranslation();
  const { thread, range } = placed;
  const cardRef = useRef<HTMLElement>(null);
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (isFocused) cardRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [isFocused]);

  const run = async (action: () => Promise<void>): Promise<void> => {
    setIsPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(commentErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  const showInText = (): void => {
    store.focusThread(thread.id);
    const editor = store.editor;
    if (editor !== null && range !== null) selectThreadText(editor, range);
  };

  return (
    <article
      ref={cardRef}
      className={`thread${isFocused ? ' thread--focused' : ''}${thread.status === 'resolved' ? ' thread--resolved' : ''}`}
      data-thread-id={thread.id}
      aria-label={t('comments.thread', { quote: thread.anchor.quote })}
      aria-current={isFocused ? 'true' : undefined}
    >
      <button type="button" className="thread__anchor" onClick={showInText} disabled={range === null} title={range === null ? undefined : t('comments.showInText')}>
        <AnchorQuote anchor={thread.anchor} isDeleted={range === null} />
      </button>
      {thread.status === 'resolved' && <span className="badge badge--muted">{t('comments.resolved')}</span>}
      <ThreadComments comments={thread.comments} userId={userId} store={store} />
      {thread.status === 'open' && (
        <ThreadReplyForm
          label={t('comments.replyLabel')}
          submitLabel={t('comments.reply')}
          members={members}
          send={async (body, mentions) => store.applyComment(await replyToThread(thread.id, { body, mentions }))}
        />
      )}
      <FormError message={error} />
      <div className="thread__actions">
        <button
          type="button"
          className="button button--small"
          disabled={isPending}
          onClick={() => void run(async () => store.applyStatus(await setThreadResolved(thread.id, thread.status === 'open')))}
        >
          {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
        </button>
      </div>
    </article>
  );
}

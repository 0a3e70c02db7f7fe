import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentAnchor } from '../../shared/deliberation/CommentThread.js';
import type { MentionCandidate } from './MentionCandidate.js';
import { FormError } from '../forms/FormError.js';
import { createThread } from './commentApi.js';
import { collectMentions } from './collectMentions.js';
import { commentErrorMessage } from './commentErrorMessage.js';
import type { CommentStore } from './CommentStore.js';
import { MentionTextarea } from './MentionTextarea.js';
import { AnchorQuote } from './AnchorQuote.js';

export interface CommentComposerProps {
  planId: string;
  anchor: CommentAnchor;
  store: CommentStore;
  members: readonly MentionCandidate[];
}

/** The first comment of a new thread on the selection the user chose. */
export function CommentComposer({ planId, anchor, store, members }: CommentComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [isPending, setIsPending] = useState(false);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    if (body.trim() === '') {
      setBodyError(t('comments.bodyRequired'));
      return;
    }
    setIsPending(true);
    setError(null);
    try {
      const thread = await createThread(planId, { anchor, body, mentions: collectMentions(body, members) });
      store.applyThread(thread);
      store.cancelComment();
      store.focusThread(thread.id);
    } catch (caught) {
      setError(commentErrorMessage(caught, t));
      setIsPending(false);
    }
  };

  return (
    <form
      className="comment-composer"
      aria-label={t('comments.newThread')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 className="comment-composer__title">{t('comments.newThread')}</h3>
      <AnchorQuote anchor={anchor} />
      <MentionTextarea
        label={t('comments.body')}
        value={body}
        onChange={(value) => {
          setBody(value);
          setBodyError(null);
        }}
        members={members}
        error={bodyError}
        autoFocus
        onSubmit={() => void submit()}
      />
      <FormError message={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => store.cancelComment()}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? t('comments.adding') : t('comments.add')}
        </button>
      </div>
    </form>
  );
}

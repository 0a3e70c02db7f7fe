import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../shared/deliberation/CommentThread.js';
import { FormError } from '../forms/FormError.js';
import { TextField } from '../forms/TextField.js';
import { ConfirmButton } from '../workspace/ConfirmButton.js';
import { deleteComment, editComment } from './commentApi.js';
import { commentErrorMessage } from './commentErrorMessage.js';
import type { CommentStore } from './CommentStore.js';
import { formatDateTime } from './formatDateTime.js';

export interface CommentItemProps {
  comment: Comment;
  isOwn: boolean;
  store: CommentStore;
}

/** One comment: author, time, text; its author can change or delete it. */
export function CommentItem({ comment, isOwn, store }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isDeleted = comment.deletedAt !== null;

  const save = async (): Promise<void> => {
    if (draft === null || draft.trim() === '') return;
    try {
      store.applyComment(await editComment(comment.id, draft));
      setDraft(null);
      setError(null);
    } catch (caught) {
      setError(commentErrorMessage(caught, t));
    }
  };

  return (
    <li className="comment" data-comment-id={comment.id}>
      <div className="comment__meta">
        <span className="comment__author">{comment.authorName}</span>{' '}
        <time dateTime={new Date(comment.createdAt).toISOString()}>{formatDateTime(comment.createdAt, i18n.language)}</time>
        {comment.editedAt !== null && !isDeleted && <span className="muted"> {t('comments.edited')}</span>}
      </div>
      {isDeleted ? (
        <p className="comment__body comment__body--deleted">{t('comments.deleted')}</p>
      ) : draft !== null ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextField label={t('comments.editLabel')} value={draft} onChange={setDraft} multiline />
          <FormError message={error} />
          <div className="form-actions">
            <button type="button" className="button button--small" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--small button--primary" disabled={draft.trim() === ''}>
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <p className="comment__body">{comment.body}</p>
      )}
      {isOwn && !isDeleted && draft === null && (
        <div className="comment__actions">
          <button type="button" className="button button--small button--link" onClick={() => setDraft(comment.body)}>
            {t('comments.edit')}
          </button>
          <ConfirmButton
            label={t('comments.delete')}
            title={t('comments.deleteTitle')}
            message={t('comments.deleteMessage')}
            confirmLabel={t('comments.delete')}
            onConfirm={async () => store.applyComment(await deleteComment(comment.id))}
          />
        </div>
      )}
    </li>
  );
}

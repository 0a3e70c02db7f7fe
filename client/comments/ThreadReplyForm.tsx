import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../forms/FormError.js';
import type { MentionCandidate } from './MentionCandidate.js';
import { MentionTextarea } from './MentionTextarea.js';
import { collectMentions } from './collectMentions.js';
import { commentErrorMessage } from './commentErrorMessage.js';

export interface ThreadReplyFormProps {
  label: string;
  submitLabel: string;
  members: readonly MentionCandidate[];
  /** Sends the comment; a rejection keeps the text and shows why. */
  send: (body: string, mentions: string[]) => Promise<void>;
  /** `data-action` of the submit button. */
  action?: string;
}

/** The reply box of a thread (comments, suggestions, remarks): @mentions, Ctrl+Enter, pending and error states. */
export function ThreadReplyForm({ label, submitLabel, members, send, action }: ThreadReplyFormProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    if (body.trim() === '' || isPending) return;
    setIsPending(true);
    setError(null);
    try {
      await send(body, collectMentions(body, members));
      setBody('');
    } catch (caught) {
      setError(commentErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  return (
    <>
      <form
        className="thread__reply"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <MentionTextarea label={label} value={body} onChange={setBody} members={members} onSubmit={() => void submit()} />
        <div className="form-actions">
          <button type="submit" className="button button--small button--primary" data-action={action} disabled={isPending || body.trim() === ''}>
            {isPending ? t('comments.replying') : submitLabel}
          </button>
        </div>
      </form>
      <FormError message={error} />
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REMARK_RESPONSES, type ConsultationRemark, type RemarkResponse } from '../../shared/consultations/Consultation.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { formatDateTime } from '../comments/formatDateTime.js';
import type { CommentStore } from '../comments/CommentStore.js';
import type { MentionCandidate } from '../comments/MentionCandidate.js';
import { discussRemark, respondToRemark, suggestRemarkWording } from './consultationApi.js';
import { RemarkThread } from './RemarkThread.js';

/** Where the card reads and writes the remark's thread: the plan's comment threads. */
export interface RemarkDiscussionContext {
  store: CommentStore;
  userId: string;
  members: readonly MentionCandidate[];
}

export interface RemarkCardProps {
  remark: ConsultationRemark;
  mayDecide: boolean;
  mayComment: boolean;
  /** Null until the plan's comment threads are available. */
  discussion: RemarkDiscussionContext | null;
  onChanged: (remark: ConsultationRemark) => void;
}

/** One remark as the team reads it (every value as plain text), with its response and its thread. */
export function RemarkCard({ remark, mayDecide, mayComment, discussion, onChanged }: RemarkCardProps) {
  const { t, i18n } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  return (
    <article className="remark-card" data-remark={remark.reference} aria-labelledby={`remark-${remark.id}`}>
      <h4 id={`remark-${remark.id}`} className="remark-card__title">
        {t('consultation.remarkFrom', { reference: remark.reference, name: remark.submitterName })}
      </h4>
      <p className="remark-card__meta">
        {t('consultation.submittedAt', { time: formatDateTime(remark.submittedAt, i18n.language) })}
        {remark.contact !== '' && ` · ${remark.contact}`}
      </p>
      <dl className="remark-card__fields">
        <dt>{t('consultation.concerns')}</dt>
        <dd>{[remark.target.sectionTitle, remark.target.blockLabel].filter(Boolean).join(' › ')}</dd>
        {remark.quote !== '' && (
          <>
            <dt>{t('consultation.quote')}</dt>
            <dd><q>{remark.quote}</q></dd>
          </>
        )}
        <dt>{t('consultation.remark')}</dt>
        <dd className="remark-card__text">{remark.remark}</dd>
        {remark.proposedWording !== '' && (
          <>
            <dt>{t('consultation.proposedWording')}</dt>
            <dd className="remark-card__text">{remark.proposedWording}</dd>
          </>
        )}
        {remark.justification !== '' && (
          <>
            <dt>{t('consultation.justification')}</dt>
            <dd className="remark-card__text">{remark.justification}</dd>
          </>
        )}
        <dt>{t('consultation.responseLabel')}</dt>
        <dd data-testid="remark-response">
          {remark.response === null ? t('consultation.notResponded') : t(`consultation.responses.${remark.response}`)}
          {remark.response !== null && remark.responseJustification !== '' && <span className="remark-card__text">{` – ${remark.responseJustification}`}</span>}
          {remark.respondedByName !== null && remark.respondedAt !== null && (
            <span className="remark-card__meta">{` (${t('consultation.respondedBy', { name: remark.respondedByName, time: formatDateTime(remark.respondedAt, i18n.language) })})`}</span>
          )}
        </dd>
      </dl>
      {mayDecide && (isEditing || remark.response === null) ? (
        <ResponseForm remark={remark} onSaved={(saved) => { onChanged(saved); setIsEditing(false); }} />
      ) : (
        mayDecide && (
          <button type="button" className="button button--small" onClick={() => setIsEditing(true)}>
            {t('consultation.changeResponse')}
          </button>
        )
      )}
      {mayDecide && <SuggestWording remark={remark} onChanged={onChanged} />}
      {remark.threadId !== null && discussion !== null && <RemarkThread threadId={remark.threadId} {...discussion} />}
      {remark.threadId === null && mayComment && <StartDiscussion remark={remark} onChanged={onChanged} />}
    </article>
  );
}

function ResponseForm({ remark, onSaved }: { remark: ConsultationRemark; onSaved: (remark: ConsultationRemark) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [response, setResponse] = useState<RemarkResponse>(remark.response ?? 'accepted');
  const [justification, setJustification] = useState(remark.responseJustification);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (justification.trim() === '') {
      setError(t('consultation.required'));
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      onSaved(await respondToRemark(remark.consultationId, remark.id, { response, justification }));
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <form className="remark-card__response" onSubmit={(event) => void onSubmit(event)}>
      <fieldset>
        <legend>{t('consultation.responseLabel')}</legend>
        {REMARK_RESPONSES.map((option) => (
          <label key={option} className="remark-card__option">
            <input type="radio" name={`${id}-response`} value={option} checked={response === option} onChange={() => setResponse(option)} />
            {t(`consultation.responses.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-field">
        <label htmlFor={`${id}-justification`}>{t('consultation.responseJustification')} *</label>
        <textarea id={`${id}-justification`} rows={3} value={justification} aria-invalid={error !== null} onChange={(event) => setJustification(event.target.value)} />
      </div>
      {error && <div className="notice notice--error" role="alert">{error}</div>}
      <button type="submit" className="button button--primary button--small" disabled={isSaving}>
        {isSaving ? t('consultation.savingResponse') : t('consultation.saveResponse')}
      </button>
    </form>
  );
}

/** The first comment on a remark starts its thread: on its block, or on its section when it names none. */
function StartDiscussion({ remark, onChanged }: { remark: ConsultationRemark; onChanged: (remark: ConsultationRemark) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (body.trim() === '') {
      setError(t('consultation.required'));
      return;
    }
    try {
      onChanged(await discussRemark(remark.consultationId, remark.id, body));
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    }
  };
  return (
    <form className="remark-card__discussion" onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor={`${id}-body`} className="visually-hidden">{t('consultation.discussPlaceholder')}</label>
      <textarea id={`${id}-body`} rows={2} placeholder={t('consultation.discussPlaceholder')} value={body} onChange={(event) => setBody(event.target.value)} />
      {error && <div className="notice notice--error" role="alert">{error}</div>}
      <button type="submit" className="button button--small">{t('consultation.discuss')}</button>
    </form>
  );
}

/** An accepted remark's proposed wording goes into the working copy as a suggestion the editors then accept or reject. */
function SuggestWording({ remark, onChanged }: { remark: ConsultationRemark; onChanged: (remark: ConsultationRemark) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  if (remark.suggestionId !== null) return <p className="remark-card__meta">{t('consultation.suggested')}</p>;
  const isAccepted = remark.response === 'accepted' || remark.response === 'partlyAccepted';
  if (!isAccepted || remark.target.blockId === null || remark.proposedWording === '') return null;
  const onClick = async (): Promise<void> => {
    setError(null);
    try {
      onChanged(await suggestRemarkWording(remark.consultationId, remark.id));
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    }
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={() => void onClick()}>
        {t('consultation.suggest')}
      </button>
      {error && <div className="notice notice--error" role="alert">{error}</div>}
    </>
  );
}

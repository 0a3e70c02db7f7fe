import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_METHODS, type DecisionMethod, type VoteTally } from '../../shared/deliberation/ProposalState.js';

export interface DecisionFormProps {
  decision: 'agreed' | 'rejected';
  /** The votes of the current round, as they stand now (live). */
  tally: VoteTally;
  isPending: boolean;
  onSubmit: (note: string, method: DecisionMethod) => void;
  onCancel: () => void;
}

/**
 * The chair's decision: its basis (minutes reference) and how it was taken,
 * by consensus or by vote, with the current tally in view. Nothing is sent
 * until both are given; the server checks a vote against the tally again.
 */
export function DecisionForm({ decision, tally, isPending, onSubmit, onCancel }: DecisionFormProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<DecisionMethod | null>(null);
  const [missing, setMissing] = useState<{ note: boolean; method: boolean }>({ note: false, method: false });
  const noteId = useId();
  const noteErrorId = useId();
  const methodErrorId = useId();
  const tallyId = useId();

  const submit = (): void => {
    const isNoteMissing = note.trim() === '';
    if (isNoteMissing || method === null) {
      setMissing({ note: isNoteMissing, method: method === null });
      return;
    }
    onSubmit(note.trim(), method);
  };

  return (
    <form
      className="proposal__decision"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={noteId}>{t('blocks.proposals.noteLabel')}</label>
      <p className="block-field__hint">{t('blocks.proposals.noteHint')}</p>
      <input
        id={noteId}
        type="text"
        value={note}
        aria-invalid={missing.note || undefined}
        aria-describedby={missing.note ? noteErrorId : undefined}
        onChange={(event) => {
          setNote(event.target.value);
          setMissing((previous) => ({ ...previous, note: false }));
        }}
      />
      {missing.note && (
        <p className="block-field__error" id={noteErrorId}>
          {t('blocks.proposals.errors.noteRequired')}
        </p>
      )}
      <fieldset className="proposal__method" aria-describedby={`${tallyId}${missing.method ? ` ${methodErrorId}` : ''}`} aria-invalid={missing.method || undefined}>
        <legend>{t('blocks.proposals.methodLegend')}</legend>
        {DECISION_METHODS.map((candidate) => (
          <label key={candidate} className="proposal__method-option">
            <input
              type="radio"
              name={`${noteId}-method`}
              value={candidate}
              checked={method === candidate}
              onChange={() => {
                setMethod(candidate);
                setMissing((previous) => ({ ...previous, method: false }));
              }}
            />
            {t(`blocks.proposals.method.${candidate}`)}
          </label>
        ))}
        <p className="proposal__current-tally" id={tallyId} data-tally={`${tally.for}/${tally.against}/${tally.abstain}`}>
          {t('blocks.proposals.currentTally', { for: String(tally.for), against: String(tally.against), abstain: String(tally.abstain) })}
        </p>
      </fieldset>
      {missing.method && (
        <p className="block-field__error" id={methodErrorId}>
          {t('blocks.proposals.errors.methodRequired')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--small button--primary" disabled={isPending}>
          {t(`blocks.proposals.confirm.${decision}`)}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

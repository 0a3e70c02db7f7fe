import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionRecord, ProposalBlockType } from '../../shared/deliberation/ProposalState.js';
import { fetchDecisions } from './proposalApi.js';
import { proposalErrorMessage } from './proposalErrorMessage.js';

export interface DecisionHistoryProps {
  planId: string;
  blockId: string;
  blockType: ProposalBlockType;
  /** Changes whenever the recorded state changes, so an open history reloads. */
  version: number | null;
}

type HistoryState = { status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'ready'; decisions: DecisionRecord[] };

/** "Historia decyzji": the register rows of one block (who, when, what), loaded when opened. */
export function DecisionHistory({ planId, blockId, version }: DecisionHistoryProps) {
  const { t, i18n } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [state, setState] = useState<HistoryState>({ status: 'idle' });

  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    fetchDecisions(planId, blockId).then(
      (decisions) => isCurrent && setState({ status: 'ready', decisions }),
      (error: unknown) => isCurrent && setState({ status: 'error', message: proposalErrorMessage(error, t) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [isOpen, planId, blockId, version, t]);

  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <details className="decision-history" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary>{t('blocks.proposals.history')}</summary>
      {state.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <p className="proposal__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (state.decisions.length === 0 ? (
          <p className="muted">{t('blocks.proposals.historyEmpty')}</p>
        ) : (
          <ol className="decision-history__list">
            {state.decisions.map((decision) => (
              <li key={decision.seq} className="decision-history__item">
                <time dateTime={new Date(decision.createdAt).toISOString()}>{dateFormat.format(decision.createdAt)}</time>{' '}
                <strong>{decision.actorName}</strong>{' '}
                {decision.kind === 'vote'
                  ? t('blocks.proposals.historyVote', { vote: t(`blocks.proposals.vote.${decision.vote ?? 'abstain'}`) })
                  : t('blocks.proposals.historyStatus', {
                      from: t(`blocks.proposals.status.${decision.fromStatus ?? 'draft'}`),
                      to: t(`blocks.proposals.status.${decision.toStatus ?? 'draft'}`),
                    })}
                {decision.note !== '' && <span className="decision-history__note"> – {decision.note}</span>}
              </li>
            ))}
          </ol>
        ))}
    </details>
  );
}

import { useEffect, useMemo, useState } from 'react';
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

  // Each direction and recommendation renders one of these; a formatter per render showed in profiles.
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short', timeStyle: 'short' }), [i18n.language]);
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
              <li key={decision.seq} className="decision-history__item" data-imported={decision.imported === undefined ? undefined : 'true'}>
                {decision.imported === undefined ? (
                  <time dateTime={new Date(decision.createdAt).toISOString()}>{dateFormat.format(decision.createdAt)}</time>
                ) : (
                  // A decision a plan file brought: the file's date and person, not the moment and person of the import.
                  <ImportedDecisionDate decidedOn={decision.imported.decidedOn} language={i18n.language} />
                )}{' '}
                <strong>{decision.imported === undefined ? decision.actorName : (decision.imported.decidedBy ?? t('blocks.proposals.historyImportedTeam'))}</strong>{' '}
                {decision.kind === 'vote'
                  ? t('blocks.proposals.historyVote', { vote: t(`blocks.proposals.vote.${decision.vote ?? 'abstain'}`) })
                  : t('blocks.proposals.historyStatus', {
                      from: t(`blocks.proposals.status.${decision.fromStatus ?? 'draft'}`),
                      to: t(`blocks.proposals.status.${decision.toStatus ?? 'draft'}`),
                    })}
                {decision.method !== undefined && (
                  <span className="decision-history__method" data-method={decision.method}>
                    {' '}
                    {decision.method === 'vote' && decision.tally !== undefined
                      ? t('blocks.proposals.historyVoteTally', {
                          for: String(decision.tally.for),
                          against: String(decision.tally.against),
                          abstain: String(decision.tally.abstain),
                        })
                      : t('blocks.proposals.historyConsensus')}
                  </span>
                )}
                {decision.note !== '' && <span className="decision-history__note"> – {decision.note}</span>}
                {decision.imported !== undefined && <span className="decision-history__note"> ({t('blocks.proposals.historyImported')})</span>}
              </li>
            ))}
          </ol>
        ))}
    </details>
  );
}

function ImportedDecisionDate({ decidedOn, language }: { decidedOn: string | null; language: string }) {
  const { t } = useTranslation();
  if (decidedOn === null) return <span>{t('blocks.proposals.historyImportedNoDate')}</span>;
  // Noon UTC is the same calendar day wherever the reader is.
  const day = new Date(`${decidedOn}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return <span>{decidedOn}</span>;
  return <time dateTime={decidedOn}>{new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', { dateStyle: 'short' }).format(day)}</time>;
}

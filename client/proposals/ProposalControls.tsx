import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalBlockType, ProposalState, ProposalStatus, Vote } from '../../shared/deliberation/ProposalState.js';
import { DecisionHistory } from './DecisionHistory.js';
import { castVote, requestTransition } from './proposalApi.js';
import { proposalActions, type ProposalAction } from './proposalActions.js';
import { useProposalContext } from './ProposalContext.js';
import { proposalErrorMessage } from './proposalErrorMessage.js';
import { ProposalStatusBadge } from './ProposalStatusBadge.js';

export interface ProposalControlsProps {
  blockId: string;
  blockType: ProposalBlockType;
}

const DRAFT: Pick<ProposalState, 'status' | 'proposedBy' | 'tally' | 'votes' | 'decisionNote' | 'updatedAt'> = {
  status: 'draft',
  proposedBy: null,
  tally: { for: 0, against: 0, abstain: 0 },
  votes: [],
  decisionNote: null,
  updatedAt: null,
};

/**
 * The recorded proposal state of a block (never its own `status` attribute),
 * the vote tally, and the moves this user's role allows.
 */
export function ProposalControls({ blockId, blockType }: ProposalControlsProps) {
  const { t } = useTranslation();
  const { planId, userId, role, store, snapshot } = useProposalContext();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decision, setDecision] = useState<ProposalStatus | null>(null);
  const [note, setNote] = useState('');
  const [isNoteMissing, setIsNoteMissing] = useState(false);
  const noteId = useId();
  const errorId = useId();

  if (blockId === '') {
    return <p className="proposal proposal--muted">{t('blocks.proposals.needsId')}</p>;
  }
  const recorded = snapshot.byBlockId.get(blockId);
  const state = recorded ?? DRAFT;
  const actions = proposalActions(state, role, userId);
  const myVote = state.votes.find((vote) => vote.userId === userId)?.vote ?? null;

  const run = async (key: string, call: () => Promise<ProposalState>): Promise<boolean> => {
    setPending(key);
    setError(null);
    try {
      store?.apply([await call()]);
      return true;
    } catch (caught) {
      setError(proposalErrorMessage(caught, t));
      return false;
    } finally {
      setPending(null);
    }
  };

  const onAction = (action: ProposalAction): void => {
    if (action.kind === 'vote') {
      void run(`vote-${action.vote}`, () => castVote(planId, blockId, action.vote));
    } else if (action.needsNote) {
      setDecision(action.to);
      setNote('');
      setIsNoteMissing(false);
    } else {
      void run(`to-${action.to}`, () => requestTransition(planId, blockId, action.to, ''));
    }
  };

  const submitDecision = async (): Promise<void> => {
    if (decision === null) return;
    if (note.trim() === '') {
      setIsNoteMissing(true);
      return;
    }
    if (await run(`to-${decision}`, () => requestTransition(planId, blockId, decision, note.trim()))) setDecision(null);
  };

  const transitions = actions.filter((action): action is Extract<ProposalAction, { kind: 'transition' }> => action.kind === 'transition');
  const votes = actions.filter((action): action is Extract<ProposalAction, { kind: 'vote' }> => action.kind === 'vote');

  return (
    <section className="proposal" aria-label={t('blocks.proposals.heading', { id: blockId })} data-proposal-status={state.status}>
      <div className="proposal__summary">
        <span className="proposal__label">{t('blocks.proposals.recordedStatus')}</span>
        <ProposalStatusBadge status={state.status} />
        <span className="proposal__tally" data-tally={`${state.tally.for}/${state.tally.against}/${state.tally.abstain}`}>
          {t('blocks.proposals.tally', { for: String(state.tally.for), against: String(state.tally.against), abstain: String(state.tally.abstain) })}
        </span>
        {myVote !== null && <span className="proposal__my-vote">{t('blocks.proposals.yourVote', { vote: t(`blocks.proposals.vote.${myVote}`) })}</span>}
      </div>
      {state.decisionNote && (state.status === 'agreed' || state.status === 'rejected') && (
        <p className="proposal__note">{t('blocks.proposals.decisionNote', { note: state.decisionNote })}</p>
      )}
      {(transitions.length > 0 || votes.length > 0) && (
        <div className="proposal__actions">
          {transitions.map((action) => (
            <button
              key={action.to}
              type="button"
              className={`button button--small${action.to === 'agreed' ? ' button--primary' : ''}${action.to === 'rejected' ? ' button--danger' : ''}`}
              disabled={pending !== null}
              aria-expanded={action.needsNote ? decision === action.to : undefined}
              onClick={() => onAction(action)}
            >
              {t(`blocks.proposals.action.${transitionLabel(action.from, action.to)}`)}
            </button>
          ))}
          {votes.length > 0 && (
            <span className="proposal__votes" role="group" aria-label={t('blocks.proposals.voteGroup')}>
              {votes.map((action) => (
                <button
                  key={action.vote}
                  type="button"
                  className="button button--small"
                  aria-pressed={myVote === action.vote}
                  disabled={pending !== null}
                  onClick={() => onAction(action)}
                >
                  {t(`blocks.proposals.castVote.${voteKey(action.vote)}`)}
                </button>
              ))}
            </span>
          )}
        </div>
      )}
      {decision !== null && (
        <form
          className="proposal__decision"
          onSubmit={(event) => {
            event.preventDefault();
            void submitDecision();
          }}
        >
          <label htmlFor={noteId}>{t('blocks.proposals.noteLabel')}</label>
          <p className="block-field__hint">{t('blocks.proposals.noteHint')}</p>
          <input
            id={noteId}
            type="text"
            value={note}
            aria-invalid={isNoteMissing || undefined}
            aria-describedby={isNoteMissing ? errorId : undefined}
            onChange={(event) => {
              setNote(event.target.value);
              setIsNoteMissing(false);
            }}
          />
          {isNoteMissing && (
            <p className="block-field__error" id={errorId}>
              {t('blocks.proposals.errors.noteRequired')}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--small button--primary" disabled={pending !== null}>
              {t(`blocks.proposals.confirm.${decision === 'agreed' ? 'agreed' : 'rejected'}`)}
            </button>
            <button type="button" className="button button--small" onClick={() => setDecision(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && (
        <p className="proposal__error" role="alert">
          {error}
        </p>
      )}
      <DecisionHistory planId={planId} blockId={blockId} blockType={blockType} version={state.updatedAt} />
    </section>
  );
}

type TransitionLabel = 'propose' | 'proposeAgain' | 'startDiscussion' | 'reopen' | 'agree' | 'reject' | 'withdraw';

function transitionLabel(from: ProposalStatus, to: ProposalStatus): TransitionLabel {
  switch (to) {
    case 'proposed':
      return from === 'draft' ? 'propose' : 'proposeAgain';
    case 'underDiscussion':
      return from === 'proposed' ? 'startDiscussion' : 'reopen';
    case 'agreed':
      return 'agree';
    case 'rejected':
      return 'reject';
    default:
      return 'withdraw';
  }
}

function voteKey(vote: Vote): 'for' | 'against' | 'abstain' {
  return vote;
}

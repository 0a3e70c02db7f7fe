import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionMethod, ProposalBlockType, ProposalState, ProposalStatus, Vote } from '../../shared/deliberation/ProposalState.js';
import type { TypedBlock } from '../../shared/domain/Plan.js';
import { ChangesSinceAgreement } from './ChangesSinceAgreement.js';
import { DecisionForm } from './DecisionForm.js';
import { DecisionHistory } from './DecisionHistory.js';
import { castVote, requestTransition } from './proposalApi.js';
import { proposalActions, type ProposalAction } from './proposalActions.js';
import { useProposalContext } from './ProposalContext.js';
import { proposalErrorMessage } from './proposalErrorMessage.js';
import { ProposalStatusBadge } from './ProposalStatusBadge.js';

export interface ProposalControlsProps {
  blockId: string;
  blockType: ProposalBlockType;
  /** The block as it is now in the editor (read when needed, so typing does not re-render the controls). */
  readBlock: () => TypedBlock;
}

const DRAFT: Pick<ProposalState, 'status' | 'proposedBy' | 'tally' | 'votes' | 'decisionNote' | 'decisionMethod' | 'decisionTally' | 'agreement' | 'updatedAt'> = {
  status: 'draft',
  proposedBy: null,
  tally: { for: 0, against: 0, abstain: 0 },
  votes: [],
  decisionNote: null,
  decisionMethod: null,
  decisionTally: null,
  agreement: null,
  updatedAt: null,
};

/**
 * The recorded proposal state of a block (never its own `status` attribute),
 * the vote tally, and the moves this user's role allows.
 */
export function ProposalControls({ blockId, blockType, readBlock }: ProposalControlsProps) {
  const { t } = useTranslation();
  const { planId, userId, role, store, snapshot } = useProposalContext();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decision, setDecision] = useState<'agreed' | 'rejected' | null>(null);
  /** The block as it was when the changes since agreement were opened (null while closed). */
  const [shownBlock, setShownBlock] = useState<TypedBlock | null>(null);

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
    } else if (action.to === 'agreed' || action.to === 'rejected') {
      setDecision(action.to);
    } else if (action.to === 'proposed' && !hasTitle(readBlock())) {
      // The server refuses it too (400 titleRequired); saying so here spares the round trip.
      setError(t('blocks.proposals.errors.titleRequired'));
    } else {
      void run(`to-${action.to}`, () => requestTransition(planId, blockId, action.to, ''));
    }
  };

  const submitDecision = async (note: string, method: DecisionMethod): Promise<void> => {
    if (decision === null) return;
    if (await run(`to-${decision}`, () => requestTransition(planId, blockId, decision, note, method))) setDecision(null);
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
      {state.decisionNote && isDecided(state.status) && (
        <p className="proposal__note">{t('blocks.proposals.decisionNote', { note: state.decisionNote })}</p>
      )}
      {state.decisionMethod !== null && isDecided(state.status) && (
        <p className="proposal__method-line" data-decision-method={state.decisionMethod}>
          {state.decisionMethod === 'vote' && state.decisionTally !== null
            ? t('blocks.proposals.decidedByVote', {
                for: String(state.decisionTally.for),
                against: String(state.decisionTally.against),
                abstain: String(state.decisionTally.abstain),
              })
            : t('blocks.proposals.decidedByConsensus')}
        </p>
      )}
      {state.status === 'changedSinceAgreement' && state.agreement !== null && (
        <div className="proposal__changed" role="status">
          <p>{t('blocks.proposals.changedNotice')}</p>
          <details onToggle={(event) => setShownBlock(event.currentTarget.open ? readBlock() : null)}>
            <summary>{t('blocks.proposals.changesSinceAgreement')}</summary>
            {shownBlock !== null && <ChangesSinceAgreement agreedContent={state.agreement.content} current={shownBlock} />}
          </details>
        </div>
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
        <DecisionForm
          key={decision}
          decision={decision}
          tally={state.tally}
          isPending={pending !== null}
          onSubmit={(note, method) => void submitDecision(note, method)}
          onCancel={() => setDecision(null)}
        />
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

function isDecided(status: ProposalStatus): boolean {
  return status === 'agreed' || status === 'rejected' || status === 'changedSinceAgreement';
}

function hasTitle(block: TypedBlock): boolean {
  return ('title' in block ? block.title : block.name).trim() !== '';
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

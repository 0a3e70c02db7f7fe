import { TRANSITIONS, VOTES, isVotingOpen, type ProposalState, type ProposalStatus, type TransitionActor, type Vote } from '../../shared/deliberation/ProposalState.js';
import { can, type Role } from '../../shared/workspace/roles.js';

export type ProposalAction =
  | { kind: 'transition'; from: ProposalStatus; to: ProposalStatus; needsNote: boolean }
  | { kind: 'vote'; vote: Vote };

/**
 * What this user may do with a proposal now, from the same TRANSITIONS table
 * and role grants the server enforces (the server still has the last word).
 */
export function proposalActions(state: Pick<ProposalState, 'status' | 'proposedBy'>, role: Role | null, userId: string): ProposalAction[] {
  if (role === null) return [];
  const isActor = (actor: TransitionActor): boolean => {
    switch (actor) {
      case 'editor':
        return can(role, 'plan.edit');
      case 'proposer':
        return state.proposedBy === userId && can(role, 'plan.edit');
      case 'chair':
        return can(role, 'proposal.decide');
    }
  };
  const actions: ProposalAction[] = TRANSITIONS.filter((rule) => rule.from.includes(state.status) && rule.by.some(isActor)).map((rule) => ({
    kind: 'transition',
    from: state.status,
    to: rule.to,
    needsNote: rule.to === 'agreed' || rule.to === 'rejected',
  }));
  if (isVotingOpen(state.status) && can(role, 'proposal.vote')) {
    for (const vote of VOTES) actions.push({ kind: 'vote', vote });
  }
  return actions;
}

import type { DecisionMethod, DecisionRecord, ProposalState, ProposalStatus, Vote } from '../../shared/deliberation/ProposalState.js';
import { apiRequest } from '../api/apiRequest.js';

const planPath = (planId: string): string => `/plans/${encodeURIComponent(planId)}`;

export async function fetchProposals(planId: string): Promise<ProposalState[]> {
  return (await apiRequest<{ proposals: ProposalState[] }>('GET', `${planPath(planId)}/proposals`)).proposals;
}

export async function requestTransition(planId: string, blockId: string, to: ProposalStatus, note: string, method?: DecisionMethod): Promise<ProposalState> {
  const path = `${planPath(planId)}/proposals/${encodeURIComponent(blockId)}/transitions`;
  return (await apiRequest<{ proposal: ProposalState }>('POST', path, { to, note, ...(method === undefined ? {} : { method }) })).proposal;
}

export async function castVote(planId: string, blockId: string, vote: Vote): Promise<ProposalState> {
  const path = `${planPath(planId)}/proposals/${encodeURIComponent(blockId)}/votes`;
  return (await apiRequest<{ proposal: ProposalState }>('POST', path, { vote })).proposal;
}

export async function fetchDecisions(planId: string, blockId: string): Promise<DecisionRecord[]> {
  const path = `${planPath(planId)}/decisions?blockId=${encodeURIComponent(blockId)}`;
  return (await apiRequest<{ decisions: DecisionRecord[] }>('GET', path)).decisions;
}

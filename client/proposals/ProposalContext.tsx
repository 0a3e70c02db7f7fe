import { createContext, useContext } from 'react';
import type { Role } from '../../shared/workspace/roles.js';
import type { ProposalSnapshot, ProposalStore } from './ProposalStore.js';

export interface ProposalContextValue {
  planId: string;
  userId: string;
  /** The user's role in the plan's workspace; null while it loads (no actions offered). */
  role: Role | null;
  store: ProposalStore | null;
  snapshot: ProposalSnapshot;
}

export const ProposalContext = createContext<ProposalContextValue>({
  planId: '',
  userId: '',
  role: null,
  store: null,
  snapshot: { status: 'loading', byBlockId: new Map() },
});

export function useProposalContext(): ProposalContextValue {
  return useContext(ProposalContext);
}

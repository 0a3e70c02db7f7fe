import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ServerChannel } from '../collaboration/ServerChannel.js';
import { fetchProposals } from './proposalApi.js';
import { ProposalStore, type ProposalSnapshot } from './ProposalStore.js';

/** The plan's recorded proposals, live: one GET, then the server's proposalChanged events. */
export function useProposals(planId: string, channel: Pick<ServerChannel, 'onPlanEvent'>): { store: ProposalStore; snapshot: ProposalSnapshot } {
  const store = useMemo(
    () => new ProposalStore({ load: () => fetchProposals(planId), onPlanEvent: (listener) => channel.onPlanEvent(listener) }),
    [planId, channel],
  );
  useEffect(() => store.start(), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, snapshot };
}

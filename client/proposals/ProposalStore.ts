import type { ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';

export type ProposalStoreStatus = 'loading' | 'ready' | 'error';

export interface ProposalSnapshot {
  status: ProposalStoreStatus;
  /** Recorded proposal state by block id; a block without an entry is a draft. */
  byBlockId: ReadonlyMap<string, ProposalState>;
}

export interface ProposalSource {
  load(): Promise<ProposalState[]>;
  onPlanEvent(listener: (event: PlanEvent) => void): () => void;
}

/**
 * The recorded proposal states of one plan: loaded once, then kept current by
 * live `proposalChanged` events and by our own API answers. Of two states for
 * one block the later one wins, so an event that overtook the initial load is kept.
 */
export class ProposalStore {
  private snapshot: ProposalSnapshot = { status: 'loading', byBlockId: new Map() };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly source: ProposalSource) {}

  /** Starts listening and loading; returns the stop function. */
  start(): () => void {
    let isStopped = false;
    const unsubscribe = this.source.onPlanEvent((event) => {
      if (event.type === 'proposalChanged') this.apply([event.proposal]);
    });
    this.source.load().then(
      (proposals) => {
        if (!isStopped) this.apply(proposals, 'ready');
      },
      () => {
        if (!isStopped) this.update({ ...this.snapshot, status: 'error' });
      },
    );
    return () => {
      isStopped = true;
      unsubscribe();
    };
  }

  apply(proposals: readonly ProposalState[], status: ProposalStoreStatus = this.snapshot.status): void {
    const next = new Map(this.snapshot.byBlockId);
    for (const proposal of proposals) {
      const current = next.get(proposal.blockId);
      if (current === undefined || (proposal.updatedAt ?? 0) >= (current.updatedAt ?? 0)) next.set(proposal.blockId, proposal);
    }
    this.update({ status, byBlockId: next });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ProposalSnapshot => this.snapshot;

  private update(snapshot: ProposalSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

import { formatDocumentName } from '../../shared/documentName.js';
import { encodePlanEvent } from '../../shared/protocol/encodeMessage.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { ClusterBus } from '../cluster/ClusterBus.js';

const CHANNEL = 'plan-events';

interface RelayedPlanEvent {
  planId: string;
  event: PlanEvent;
}

/**
 * Delivers server-authored events to everyone connected to a plan, over their collaboration
 * socket: here, and with several instances through the cluster bus on every other instance too.
 * The events are notices; what they announce is already in the shared database.
 */
export class PlanEventPublisher {
  private readonly relayedListeners: Array<(planId: string, event: PlanEvent) => void> = [];

  constructor(
    private readonly syncServer: SyncServer,
    private readonly bus: ClusterBus | null = null,
  ) {
    bus?.subscribe(CHANNEL, (payload) => {
      const relayed = parseRelayed(payload);
      if (relayed === null) return;
      for (const listener of this.relayedListeners) listener(relayed.planId, relayed.event);
      this.deliver(relayed.planId, relayed.event);
    });
  }

  /** Calls `listener` with each event another instance published, so caches here can follow it. */
  onRelayed(listener: (planId: string, event: PlanEvent) => void): void {
    this.relayedListeners.push(listener);
  }

  publish(planId: string, event: PlanEvent): void {
    this.deliver(planId, event);
    this.bus?.publish(CHANNEL, Buffer.from(JSON.stringify({ planId, event } satisfies RelayedPlanEvent)));
  }

  private deliver(planId: string, event: PlanEvent): void {
    const documentName = formatDocumentName(planId);
    const frame = encodePlanEvent(JSON.stringify(event));
    for (const connection of this.syncServer.connectionsWhere((candidate) => candidate.documentName === documentName)) {
      connection.send(frame);
    }
  }
}

function parseRelayed(payload: Uint8Array): RelayedPlanEvent | null {
  try {
    const value = JSON.parse(Buffer.from(payload).toString()) as Partial<RelayedPlanEvent>;
    return typeof value.planId === 'string' && typeof value.event === 'object' && value.event !== null ? (value as RelayedPlanEvent) : null;
  } catch {
    return null;
  }
}

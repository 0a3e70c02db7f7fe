import { formatDocumentName } from '../../shared/documentName.js';
import { encodePlanEvent } from '../../shared/protocol/encodeMessage.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** Delivers server-authored events to everyone connected to a plan, over their collaboration socket. */
export class PlanEventPublisher {
  constructor(private readonly syncServer: SyncServer) {}

  publish(planId: string, event: PlanEvent): void {
    const documentName = formatDocumentName(planId);
    const frame = encodePlanEvent(JSON.stringify(event));
    for (const connection of this.syncServer.connectionsWhere((candidate) => candidate.documentName === documentName)) {
      connection.send(frame);
    }
  }
}

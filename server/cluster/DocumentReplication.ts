import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocumentStore } from '../persistence/DocumentStore.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import { REPLICATED_AWARENESS, type SharedDocument } from '../sync/SharedDocument.js';
import type { ClusterBus } from './ClusterBus.js';
import type { PlanUpdateFeed } from './PlanUpdateFeed.js';

export interface DocumentReplicationOptions {
  feed: PlanUpdateFeed;
  bus: ClusterBus;
  store: DocumentStore;
  log: Logger;
}

const AWARENESS_UPDATE = 0;
const AWARENESS_QUERY = 1;

/**
 * Keeps the copies of one plan on several instances in step: durable first. Each instance commits
 * its clients' updates to the shared store, then publishes them on the feed; the others apply what
 * the feed delivers. When the feed says entries may be lost, or an update builds on content this
 * instance never received, the instance catches up from the store by state vector (applying the
 * stored parts: Yjs keeps only what is new), so a lost feed entry can delay an update, never lose it.
 */
export class DocumentReplication {
  constructor(private readonly options: DocumentReplicationOptions) {}

  /** Starts following `name`; call before loading it, then attach the loaded document. */
  async follow(name: string): Promise<DocumentReplica> {
    const replica = new DocumentReplica(name, this.options);
    await replica.start();
    return replica;
  }
}

export class DocumentReplica {
  private document: SharedDocument | null = null;
  /** Delivered while the document was loading: applied once it is attached. */
  private early: Uint8Array[] = [];
  private needsCatchUp = false;
  private catchUp: Promise<void> | null = null;
  private isCatchUpQueued = false;
  private stopFollowing: (() => void) | null = null;
  private stopAwareness: (() => void) | null = null;
  private isDetached = false;

  constructor(
    readonly name: string,
    private readonly options: DocumentReplicationOptions,
  ) {}

  async start(): Promise<void> {
    this.stopFollowing = await this.options.feed.follow(this.name, {
      updates: (updates) => this.receive(updates),
      gap: () => this.requestCatchUp(),
    });
  }

  /** The loaded document: what arrived during the load is applied, presence is shared from now on. */
  attach(document: SharedDocument): void {
    if (this.isDetached) return;
    this.document = document;
    const early = this.early;
    this.early = [];
    if (!document.applyCommittedElsewhere(early) || this.needsCatchUp) this.requestCatchUp();
    const channel = `awareness:${this.name}`;
    this.stopAwareness = this.options.bus.subscribe(channel, (payload) => this.receiveAwareness(payload));
    // Peers on other instances renew their presence every 15 s; asking now shows them at once.
    this.options.bus.publish(channel, Uint8Array.of(AWARENESS_QUERY));
  }

  /** After this instance committed `update`: the other instances learn of it. */
  published(update: Uint8Array): void {
    void this.options.feed.publish(this.name, update);
  }

  /** A change of presence made here (a local client), for the other instances. */
  awarenessChanged(update: Uint8Array): void {
    this.options.bus.publish(`awareness:${this.name}`, withKind(AWARENESS_UPDATE, update));
  }

  detach(): void {
    this.isDetached = true;
    this.stopFollowing?.();
    this.stopAwareness?.();
    this.document = null;
    this.early = [];
  }

  private receive(updates: Uint8Array[]): void {
    if (this.isDetached) return;
    if (this.document === null) {
      this.early.push(...updates);
      return;
    }
    try {
      if (!this.document.applyCommittedElsewhere(updates)) this.requestCatchUp();
    } catch (error) {
      // An entry Yjs cannot read (not written by an instance): ignore it, the store has the truth.
      this.options.log.warn('ignoring an unreadable update from the feed; catching up from the store', { document: this.name, error: describeError(error) });
      this.requestCatchUp();
    }
  }

  private requestCatchUp(): void {
    if (this.isDetached) return;
    if (this.document === null) {
      this.needsCatchUp = true;
      return;
    }
    if (this.catchUp !== null) {
      this.isCatchUpQueued = true;
      return;
    }
    this.catchUp = this.catchUpFromStore().finally(() => {
      this.catchUp = null;
      if (this.isCatchUpQueued) {
        this.isCatchUpQueued = false;
        this.requestCatchUp();
      }
    });
  }

  private async catchUpFromStore(): Promise<void> {
    for (let attempt = 0; !this.isDetached; attempt++) {
      try {
        const parts = await this.options.store.loadParts(this.name);
        this.document?.applyCommittedElsewhere(parts);
        return;
      } catch (error) {
        // The store is unreachable for a moment: retry, the feed alone is never trusted.
        if (attempt === 0) this.options.log.warn('catching up from the store failed; retrying', { document: this.name, error: describeError(error) });
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
  }

  private receiveAwareness(payload: Uint8Array): void {
    const document = this.document;
    if (document === null || payload.length === 0) return;
    if (payload[0] === AWARENESS_QUERY) {
      const clientIds = [...document.awareness.getStates().keys()];
      if (clientIds.length > 0) this.awarenessChanged(awarenessProtocol.encodeAwarenessUpdate(document.awareness, clientIds));
      return;
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(document.awareness, payload.subarray(1), REPLICATED_AWARENESS);
    } catch (error) {
      this.options.log.warn('ignoring an unreadable presence update from another instance', { document: this.name, error: describeError(error) });
    }
  }
}

function withKind(kind: number, update: Uint8Array): Uint8Array {
  const payload = new Uint8Array(update.length + 1);
  payload[0] = kind;
  payload.set(update, 1);
  return payload;
}

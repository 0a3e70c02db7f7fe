import type { FeedStatus } from './PlanUpdateFeed.js';

/**
 * Ephemeral messages between the instances of one deployment: presence, server-authored plan
 * events, access changes. Delivery is best effort (Redis pub/sub): nothing that must survive goes
 * here; a message missed while the bus reconnects is repaired by its sender's next one (presence
 * is renewed every 15 s) or was already stored in the shared database.
 */
export interface ClusterBus {
  /** Sends to every other instance subscribed to `channel`; never throws, drops while reconnecting. */
  publish(channel: string, payload: Uint8Array): void;
  /** Messages other instances publish on `channel` from now on; returns the unsubscribe. */
  subscribe(channel: string, listener: (payload: Uint8Array) => void): () => void;
  status(): FeedStatus;
  close(): Promise<void>;
}

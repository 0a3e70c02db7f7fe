/**
 * How the instances of one deployment tell each other about document updates. The feed is only a
 * fast path: every update is committed to the shared database before it is published, so an
 * instance that is told it missed something (`gap`) catches up from the database by state vector
 * and never trusts the feed alone.
 */
export interface PlanUpdateFeed {
  /** This instance's name in the feed; entries it published are not delivered back to it. */
  readonly instanceId: string;
  /**
   * Publishes an update this instance has already committed. Never rejects: when the feed is
   * unreachable, the followers of that document are told to catch up once it is back.
   */
  publish(documentName: string, update: Uint8Array): Promise<void>;
  /**
   * Starts delivering the document's updates published by other instances from this moment on.
   * Call it before loading the document from the store: what is published between the two is then
   * delivered as well (applying an update twice is harmless), so nothing falls between them.
   */
  follow(documentName: string, listener: FeedListener): Promise<() => void>;
  /** `connected`, or `reconnecting` while the feed's server is unreachable. */
  status(): FeedStatus;
  close(): Promise<void>;
}

export type FeedStatus = 'connected' | 'reconnecting';

export interface FeedListener {
  /** Updates from other instances, in the order they were published, one call per batch read. */
  updates(updates: Uint8Array[]): void;
  /** Entries may have been lost (the feed restarted, trimmed or was unreachable): catch up from the store. */
  gap(): void;
}

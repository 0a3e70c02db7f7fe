/**
 * What one collaboration socket, user or address may cost the server
 * (issue 12). Every number here is configurable (server/config.ts).
 */
export interface SyncLimits {
  /** Largest single update or sync step 2 a client may send. */
  maxUpdateBytes: number;
  /** Largest a document may grow through client edits (its encoded state, estimated from what is stored). */
  maxDocumentBytes: number;
  /** Largest awareness (presence) update a client may send. */
  maxAwarenessBytes: number;
  /** A socket with more than this waiting to be sent gets no broadcasts until it drains. */
  maxBufferedBytes: number;
  /** A socket that stays over the buffer bound, or takes in nothing of what it was sent, this long is closed. */
  slowClientTimeoutMs: number;
  maxConnectionsPerUser: number;
  maxConnectionsPerAddress: number;
  /** Frames per second a connection may send on average… */
  messagesPerSecond: number;
  /** …and at once. */
  messageBurst: number;
  /** Updates held per connection while they wait for content its sync step 2 brings. */
  maxHeldUpdateBytes: number;
  /** On shutdown, how long a socket may take to answer the close handshake before it is terminated. */
  closeHandshakeTimeoutMs: number;
}

export const defaultSyncLimits: SyncLimits = {
  maxUpdateBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxAwarenessBytes: 32 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  slowClientTimeoutMs: 10_000,
  maxConnectionsPerUser: 20,
  maxConnectionsPerAddress: 500,
  messagesPerSecond: 500,
  messageBurst: 2_000,
  maxHeldUpdateBytes: 4 * 1024 * 1024,
  closeHandshakeTimeoutMs: 1_000,
};

/** Throws on limits that contradict each other. (Frames over maxMessageBytes never get this far: 1009.) */
export function assertSyncLimits(limits: SyncLimits): void {
  for (const name of Object.keys(defaultSyncLimits) as (keyof SyncLimits)[]) {
    const value = limits[name];
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  }
  if (limits.maxUpdateBytes > limits.maxDocumentBytes) throw new Error('maxUpdateBytes must not exceed maxDocumentBytes');
  if (limits.messageBurst < 1) throw new Error('messageBurst must be at least 1');
}

import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { UnchangedPresenceFilter } from './UnchangedPresenceFilter.js';
import type { AwarenessChanges } from '../../shared/presence/AwarenessChanges.js';
import { MessageType } from '../../shared/protocol/messageType.js';
import type { CloseEvent } from '../../shared/protocol/closeCodes.js';
import { DocumentTooLarge, PersistenceFailed } from '../../shared/protocol/closeCodes.js';
import type { StorageHealth } from '../persistence/StorageHealth.js';
import type { DocumentStore } from '../persistence/DocumentStore.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import { isTransactionOrigin, type TransactionOrigin } from './transactionOrigin.js';
import type { StoredStateHandoff } from './StoredStateHandoff.js';
import type { DocumentSchemaUpgrade } from './DocumentSchemaUpgrade.js';
import { SuggestionGuard } from './SuggestionGuard.js';
import { AppendFailed, RetryingAppend, type AppendLimits } from './RetryingAppend.js';

/** What a SharedDocument needs from a connection to deliver frames to it. */
export interface DocumentPeer {
  readonly id: number;
  /** A committed document update; `update` is the frame's payload (a peer that is behind merges what it missed). */
  sendDocumentUpdate(frame: Uint8Array, update: Uint8Array): void;
  sendAwarenessUpdate(frame: Uint8Array): void;
  /** The server can (again) or cannot store this document's changes right now. */
  storageStatusChanged(canStore: boolean): void;
  /** The document came near its size limit (or fell back below it). */
  documentSizeChanged(bytes: number, maxBytes: number): void;
  close(event: CloseEvent): void;
}

export interface SharedDocumentOptions {
  name: string;
  store: DocumentStore;
  log: Logger;
  /** Fold the update log into one state row after this many appends. */
  compactAfterAppends: number;
  /** Brings a stored document of an older schema to the current one as it loads. */
  schemaUpgrade: DocumentSchemaUpgrade;
  /** Called when a write failed and the document must be dropped from memory. */
  onFailure: (document: SharedDocument) => void;
  /** Called when the last peer left. */
  onIdle: (document: SharedDocument) => void;
  /** Client edits that would make the document bigger than this are refused. */
  maxDocumentBytes: number;
  /** Told when writes wait for the storage and when they go through again (health endpoint). */
  storageHealth?: StorageHealth;
  /**
   * While the storage is unavailable, edits wait in memory up to this many
   * bytes; past it the document is dropped and its writers resend on reconnect.
   */
  maxUnstoredBytes?: number;
  /** Told each update this instance committed, after the commit (the cross-instance feed publishes it). */
  onCommitted?: (update: Uint8Array) => void;
  /** Told each awareness change made on this instance (not those replicated from another one). */
  onAwarenessChanged?: (update: Uint8Array) => void;
}

/** Origin of awareness changes replicated from another instance: shown to local peers, not sent back. */
export const REPLICATED_AWARENESS = Symbol('replicated awareness');

/** Writers are warned from this share of maxDocumentBytes on, in steps of SIZE_WARNING_STEP. */
const SIZE_WARNING_FROM = 0.8;
const SIZE_WARNING_STEP = 0.05;

/** How a client's queued update ends, other than being applied. */
export interface ClientUpdateCallbacks {
  /** Yjs could not apply it. */
  onError: (error: unknown) => void;
  /** It builds on content the server does not have; nothing of that part was kept. */
  onMissingContent: (update: Uint8Array) => void;
  /** It was refused as a whole (the document would grow over its maximum). */
  onRefused: (event: CloseEvent) => void;
}

/** Peers per millisecond of minimum interval between update frames (see waitForBatch). */
const PEERS_PER_BATCH_MS = 40;
const MAX_BATCH_INTERVAL_MS = 50;
const MAX_CACHED_SYNC_STEP2_FRAMES = 4;

interface IncomingUpdate {
  update: Uint8Array;
  connectionId: number;
  callbacks: ClientUpdateCallbacks;
}

interface PendingUpdate {
  update: Uint8Array;
  origin: TransactionOrigin | undefined;
}

/**
 * One plan's Y.Doc in server memory with its awareness and its peers.
 * Updates are committed through the store before anyone receives them: the
 * updates of one event-loop turn become one append and one frame per peer.
 */
export class SharedDocument extends Y.Doc {
  readonly name: string;
  readonly awareness: awarenessProtocol.Awareness;
  /** Judges updates from suggest-only connections before they are queued. */
  readonly suggestionGuard: SuggestionGuard = new SuggestionGuard(this);
  private readonly peers = new Map<number, DocumentPeer>();
  private readonly options: SharedDocumentOptions;
  private pendingUpdates: PendingUpdate[] = [];
  private flushTail: Promise<void> = Promise.resolve();
  private nextFlush: Promise<void> | null = null;
  private appendsSinceCompaction = 0;
  private compaction: Promise<void> | null = null;
  private failure: unknown = null;
  private readonly appends: RetryingAppend;
  private readonly appendLimits: AppendLimits;
  /**
   * The whole document as one update, while it is known without encoding:
   * the stored bytes right after a load, or the last full encode. Cleared by
   * every change. A new client (empty state vector) gets it as its sync step 2.
   */
  private fullState: Uint8Array | null = null;
  /** Client updates received this turn, applied together by applyIncoming. */
  private incoming: IncomingUpdate[] = [];
  private incomingApplied: Promise<void> | null = null;
  /** performance.now() of the last update frame sent to the peers. */
  private lastBroadcastAt = 0;
  /**
   * Sync step 2 frames by requested state vector, until the document changes:
   * many requests for the same state cost one encode (a client flooding step 1
   * once cost a whole-document encode per frame).
   */
  private readonly syncStep2Frames = new Map<string, Uint8Array>();
  /**
   * An upper bound of the encoded document's size: what the store holds
   * (compacted state plus the update log). Measured exactly only when an
   * update would push it over the maximum.
   */
  private estimatedBytes = 0;
  private readonly presenceFilter: UnchangedPresenceFilter;
  /** The last size step peers were told about (SIZE_WARNING_STEP of the maximum). */
  private reportedSizeStep = 0;

  constructor(options: SharedDocumentOptions) {
    super({ gc: true });
    this.options = options;
    this.name = options.name;
    this.appends = new RetryingAppend({
      name: options.name,
      store: options.store,
      log: options.log,
      ...(options.storageHealth ? { storageHealth: options.storageHealth } : {}),
      onStorageStatus: (canStore) => {
        for (const peer of this.peers.values()) peer.storageStatusChanged(canStore);
      },
    });
    this.appendLimits = {
      unstoredBytes: () => this.pendingUpdates.reduce((total, entry) => total + entry.update.byteLength, 0),
      maxUnstoredBytes: options.maxUnstoredBytes ?? options.maxDocumentBytes,
      isAbandoned: () => this.isDestroyed,
    };
    this.awareness = new awarenessProtocol.Awareness(this);
    this.awareness.setLocalState(null);
    this.presenceFilter = new UnchangedPresenceFilter(this.awareness);
    this.awareness.on('update', this.handleAwarenessUpdate);
  }

  /**
   * Applies stored state, upgrades it to the current document schema if it
   * is older, then starts persisting and broadcasting edits. Throws if the
   * state cannot be read, so nothing is ever written over it. Resolves only
   * once an upgrade is committed: connections attach when this resolves, so
   * no client ever receives a document of an older schema.
   */
  async loadFromStore(handoff?: Pick<StoredStateHandoff, 'publish' | 'whenApplyMayStart'>): Promise<void> {
    const parts = await this.options.store.loadParts(this.name);
    this.estimatedBytes = parts.reduce((total, part) => total + part.byteLength, 0);
    if (handoff) {
      // Committed, validated bytes: connections waiting for this load may
      // answer a new client's sync step 1 with them now, and the apply below
      // waits until those clients have taken them in. Bytes that still need
      // a schema upgrade are not handed out: clients get the upgraded document.
      const isHandedOff = parts.length > 0 && this.options.schemaUpgrade.isStoredStateCurrent(parts);
      handoff.publish(isHandedOff ? parts : null);
      await handoff.whenApplyMayStart();
    }
    // No update listener yet: Yjs would otherwise re-encode the whole state only for us to ignore it.
    if (parts.length > 0) this.applyStoredParts(parts);
    this.on('update', this.handleUpdate);
    await this.upgradeSchema(parts.length === 0);
  }

  /**
   * One server transaction, persisted like any server write, before anyone
   * is attached. A document never stored gets its schema recorded too: its
   * clients then hold the record from the start, and a later load neither
   * writes it behind their backs nor loses the cold-load handoff.
   */
  private async upgradeSchema(isNew: boolean): Promise<void> {
    const { schemaUpgrade, store } = this.options;
    if (!schemaUpgrade.needsUpgrade(this)) return;
    // Before the store's lock: loading the code must not hold up other instances.
    const upgradeDocument = await schemaUpgrade.loadUpgrade();
    const upgrade = async (): Promise<void> => {
      // What other instances stored after this one read the document (no one is attached yet).
      if (store.exclusively) this.applyStoredParts(await store.loadParts(this.name));
      // Another instance may have upgraded it (or recorded the schema) while this one was loading.
      if (!schemaUpgrade.needsUpgrade(this)) return;
      let details: Record<string, unknown> = {};
      this.transactAsServer(isNew ? 'document schema recorded' : 'document schema upgrade', () => {
        details = upgradeDocument(this);
      });
      await this.whenPersisted();
      if (!isNew) this.options.log.info('document schema upgraded', { document: this.name, ...details });
    };
    await (store.exclusively ? store.exclusively(this.name, upgrade) : upgrade());
  }

  /**
   * The stored parts in one transaction (cheaper than Y.mergeUpdates first), as origin
   * `persistence`: neither stored again nor broadcast. Throws if they build on missing content.
   */
  private applyStoredParts(parts: readonly Uint8Array[]): void {
    const origin: TransactionOrigin = { source: 'persistence' };
    this.transact(() => {
      for (const part of parts) Y.applyUpdate(this, part, origin);
    }, origin);
    if (this.store.pendingStructs !== null || this.store.pendingDs !== null) {
      throw new Error(`Stored state of ${this.name} is incomplete or corrupt`);
    }
    this.estimatedBytes = parts.reduce((total, part) => total + part.byteLength, 0);
    // The document holds exactly what is stored: a single part is its whole state.
    this.fullState = parts.length === 1 ? (parts[0] ?? null) : null;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  addPeer(peer: DocumentPeer): void {
    this.peers.set(peer.id, peer);
  }

  removePeer(peer: DocumentPeer, awarenessClientIds: readonly number[]): void {
    if (!this.peers.delete(peer.id)) return;
    if (awarenessClientIds.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...awarenessClientIds], peer);
    }
    if (this.peers.size === 0) this.options.onIdle(this);
  }

  /**
   * Applies updates another instance has already committed to the shared store: broadcast to the
   * peers here, never stored again. Returns false if some of them build on content this instance
   * does not have (an entry of the feed was missed); those parts are dropped and the caller
   * catches up from the store, which holds everything that was ever published.
   */
  applyCommittedElsewhere(updates: readonly Uint8Array[]): boolean {
    if (this.isDestroyed || this.failure !== null || updates.length === 0) return true;
    const origin: TransactionOrigin = { source: 'instance' };
    let isComplete = true;
    this.transact(() => {
      for (const update of updates) Y.applyUpdate(this, update, origin);
      if (this.store.pendingStructs !== null || this.store.pendingDs !== null) {
        this.store.pendingStructs = null;
        this.store.pendingDs = null;
        isComplete = false;
      }
    }, origin);
    return isComplete;
  }

  /** Applies a server-side edit; it is persisted and broadcast like any client edit. */
  applyServerUpdate(update: Uint8Array, reason: string): void {
    Y.applyUpdate(this, update, { source: 'server', reason } satisfies TransactionOrigin);
  }

  /** Runs a server-side edit (for example a restore) as one transaction that is persisted and broadcast. */
  transactAsServer(reason: string, edit: () => void): void {
    this.transact(edit, { source: 'server', reason } satisfies TransactionOrigin);
  }

  /**
   * Queues a client's update; all updates received in one event-loop turn are
   * applied in one Yjs transaction. Applying them one by one cost a
   * transaction each, and Yjs's transaction cleanup walks every client of the
   * document (state vectors): with 1,000 writers that was ~0.2 ms per update
   * plus a Y.mergeUpdates over the turn's updates (docs/performance.md). One
   * transaction also yields the turn's update already merged. `onError` gets
   * an update Yjs cannot apply; the others still are.
   */
  applyClientUpdate(update: Uint8Array, connectionId: number, callbacks: ClientUpdateCallbacks): Promise<void> {
    this.incoming.push({ update, connectionId, callbacks });
    this.incomingApplied ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        this.applyIncoming();
        resolve();
      }),
    );
    return this.incomingApplied;
  }

  /**
   * Resolves once every update applied so far is committed and on disk (what a save confirmation
   * promises); rejects if that failed. Peers got them after the commit, before the disk: the
   * fsync is shared by everything committed meanwhile and never delays a broadcast.
   */
  whenPersisted(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    // Updates received but not yet applied count as "so far": a save confirmation must cover them.
    if (this.incomingApplied !== null) return this.incomingApplied.then(() => this.whenPersisted());
    const committed = this.pendingUpdates.length > 0 ? this.scheduleFlush() : this.flushTail;
    return committed.then(() => this.flushToDisk());
  }

  private async flushToDisk(): Promise<void> {
    const { store } = this.options;
    if (store.flushToDisk === undefined) return;
    try {
      await store.flushToDisk();
    } catch (error) {
      // Committed but maybe not on disk: its writers keep it and resend it after reconnecting.
      this.fail(error);
      throw error;
    }
  }

  /** Folds the update log into one state row. Safe to call at any time. */
  compact(): Promise<void> {
    if (this.failure !== null) return Promise.resolve();
    if (this.compaction !== null) return this.compaction;
    this.appendsSinceCompaction = 0;
    // Encoded now: it holds every update applied so far, hence every one
    // appended before this call, as DocumentStore.compact requires.
    const state = Y.encodeStateAsUpdate(this);
    this.fullState = state;
    this.estimatedBytes = state.byteLength;
    this.reportSizeIfNearLimit();
    this.compaction = this.options.store
      .compact(this.name, state)
      .catch((error: unknown) => {
        this.options.log.error('compaction failed', { document: this.name, error: describeError(error) });
      })
      .finally(() => {
        this.compaction = null;
      });
    return this.compaction;
  }

  /**
   * What a peer with `stateVector` is missing, as one update (the payload of
   * sync step 2). A peer with nothing gets the cached full state when there
   * is one: on a cold load that is the stored bytes, sent without re-encoding
   * the document.
   */
  encodeMissingUpdate(stateVector: Uint8Array): Uint8Array {
    const isEmpty = stateVector.byteLength === 1 && stateVector[0] === 0;
    if (!isEmpty) return Y.encodeStateAsUpdate(this, stateVector);
    this.fullState ??= Y.encodeStateAsUpdate(this);
    return this.fullState;
  }

  /** Sync step 2 frame answering a sync step 1 with `stateVector`, shared by every request for it until the next change. */
  encodeSyncStep2Frame(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('base64');
    const cached = this.syncStep2Frames.get(key);
    if (cached !== undefined) return cached;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, this.encodeMissingUpdate(stateVector));
    const frame = encoding.toUint8Array(encoder);
    // A few distinct states at most (clients that just connected); more only evict.
    if (this.syncStep2Frames.size >= MAX_CACHED_SYNC_STEP2_FRAMES) this.syncStep2Frames.clear();
    this.syncStep2Frames.set(key, frame);
    return frame;
  }

  /** The document's encoded size as far as it is known without encoding it (an upper bound). */
  get estimatedSize(): number {
    return this.estimatedBytes;
  }

  /** Whether writers should be warned that the plan nears its maximum size. */
  get isNearSizeLimit(): boolean {
    return this.estimatedBytes >= this.options.maxDocumentBytes * SIZE_WARNING_FROM;
  }

  get maxDocumentBytes(): number {
    return this.options.maxDocumentBytes;
  }

  /**
   * Tells the peers when the plan passes another step past SIZE_WARNING_FROM
   * of its maximum, or falls back below it (a compaction measures it
   * exactly), so the editor warns before the limit refuses an edit.
   */
  private reportSizeIfNearLimit(): void {
    const { maxDocumentBytes } = this.options;
    const step = Math.floor(this.estimatedBytes / (maxDocumentBytes * SIZE_WARNING_STEP));
    const warningStep = Math.round(SIZE_WARNING_FROM / SIZE_WARNING_STEP);
    const isNear = step >= warningStep;
    const wasNear = this.reportedSizeStep >= warningStep;
    if (step === this.reportedSizeStep || (!isNear && !wasNear)) {
      this.reportedSizeStep = step;
      return;
    }
    this.reportedSizeStep = step;
    for (const peer of this.peers.values()) peer.documentSizeChanged(this.estimatedBytes, maxDocumentBytes);
  }

  /** Frame with every awareness state, for a peer that just joined or asked. */
  encodeAwarenessStates(): Uint8Array | null {
    const clientIds = [...this.awareness.getStates().keys()];
    if (clientIds.length === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds));
    return encoding.toUint8Array(encoder);
  }

  closeAllPeers(event: CloseEvent): void {
    for (const peer of [...this.peers.values()]) peer.close(event);
  }

  private applyIncoming(): void {
    const batch = this.incoming;
    this.incoming = [];
    this.incomingApplied = null;
    if (batch.length === 0 || this.isDestroyed || this.failure !== null) return;
    const connectionIds = [...new Set(batch.map((entry) => entry.connectionId))];
    const origin: TransactionOrigin =
      connectionIds.length === 1 ? { source: 'connection', connectionId: connectionIds[0] as number } : { source: 'connections', connectionIds };
    let addedBytes = 0;
    this.transact(() => {
      for (const entry of batch) {
        if (!this.hasRoomFor(addedBytes, entry.update.byteLength)) {
          entry.callbacks.onRefused(DocumentTooLarge);
          continue;
        }
        try {
          Y.applyUpdate(this, entry.update, origin);
        } catch (error) {
          entry.callbacks.onError(error);
          continue;
        }
        addedBytes += entry.update.byteLength;
        if (this.store.pendingStructs !== null || this.store.pendingDs !== null) {
          // Yjs keeps parts that build on missing content aside without emitting them
          // (nothing was persisted or broadcast), but the next compaction would store
          // them and every later load would refuse the whole plan; drop them. The
          // connection holds the whole update and applies it again once its client
          // sent what it builds on (a writer reconnecting after a restart sends its
          // unsaved edits in sync step 2, and may type before that arrives).
          this.store.pendingStructs = null;
          this.store.pendingDs = null;
          entry.callbacks.onMissingContent(entry.update);
        }
      }
    }, origin);
  }

  /**
   * Whether `bytes` more fit under the maximum. The estimate only grows with
   * appends, so the exact (costly) measure runs only near the limit, and its
   * result stays cached (fullState) while a refused writer retries.
   */
  private hasRoomFor(appliedThisTurn: number, bytes: number): boolean {
    const { maxDocumentBytes } = this.options;
    if (this.estimatedBytes + appliedThisTurn + bytes <= maxDocumentBytes) return true;
    // Measured inside the turn's transaction, so it includes what this turn applied so far.
    this.fullState ??= Y.encodeStateAsUpdate(this);
    this.estimatedBytes = this.fullState.byteLength - appliedThisTurn;
    return this.fullState.byteLength + bytes <= maxDocumentBytes;
  }

  override destroy(): void {
    this.off('update', this.handleUpdate);
    this.awareness.off('update', this.handleAwarenessUpdate);
    this.awareness.destroy();
    super.destroy();
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown): void => {
    const typedOrigin = isTransactionOrigin(origin) ? origin : undefined;
    if (typedOrigin?.source === 'persistence') return;
    this.fullState = null;
    this.syncStep2Frames.clear();
    if (typedOrigin?.source === 'instance') {
      // Committed by another instance already: its peers here need not wait behind this instance's
      // own commit in flight (that wait was the two-instance p99 tail, docs/performance.md).
      if (this.failure === null) this.forward([{ update, origin: typedOrigin }], update);
      return;
    }
    this.pendingUpdates.push({ update, origin: typedOrigin });
    void this.scheduleFlush().catch(() => undefined);
  };

  private scheduleFlush(): Promise<void> {
    if (this.nextFlush !== null) return this.nextFlush;
    const previous = this.flushTail;
    const flush = previous
      .then(() => this.waitForBatch())
      .then(() => {
        this.nextFlush = null;
        return this.flush();
      });
    this.nextFlush = flush;
    this.flushTail = flush;
    return flush;
  }

  /**
   * At least until the next turn, so one turn's updates share a commit and a
   * frame. With many peers also until `peers / PEERS_PER_BATCH_MS` ms after
   * the last broadcast: every frame costs one send per peer, so at 1,000
   * peers a frame per commit (~200/s) was 200,000 sends/s and fell seconds
   * behind; a frame every 25 ms is 40,000 and keeps up (docs/performance.md).
   * Idle documents pay nothing: the wait counts from the last broadcast.
   */
  private waitForBatch(): Promise<void> {
    const intervalMs = Math.min(MAX_BATCH_INTERVAL_MS, this.peers.size / PEERS_PER_BATCH_MS);
    const delayMs = this.lastBroadcastAt + intervalMs - performance.now();
    return new Promise((resolve) => (delayMs < 1 ? setImmediate(resolve) : setTimeout(resolve, delayMs)));
  }

  private async flush(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the store's write error exactly as it was caught
    if (this.failure !== null) throw this.failure;
    const batch = this.pendingUpdates;
    this.pendingUpdates = [];
    if (batch.length === 0) return;
    // Only this instance's updates are here: what another instance committed is forwarded in handleUpdate.
    const merged = mergeBatch(batch);
    const append = this.appends.start(merged, this.appendLimits);
    // Safe from a crash already (the store's journal): peers need not wait for the commit.
    if (append.isCrashSafe) this.forward(batch, merged);
    await this.untilStored(append.stored);
    this.options.onCommitted?.(merged);
    this.appendsSinceCompaction += 1;
    if (!append.isCrashSafe) this.forward(batch, merged);
    if (this.appendsSinceCompaction >= this.options.compactAfterAppends) void this.compact();
  }

  /** Committed updates reach the peers: counted towards the size, broadcast, and the size reported near the limit. */
  private forward(batch: PendingUpdate[], merged: Uint8Array): void {
    this.estimatedBytes += merged.byteLength;
    this.broadcastBatch(batch, merged);
    this.reportSizeIfNearLimit();
  }

  /**
   * One frame per turn, encoded once, the same for every peer. A peer that
   * contributed gets its own updates back inside it; Yjs skips structs it
   * already has, at the cost of a duplicate check on that client. Merging
   * "everything but yours" per contributor instead costs one Y.mergeUpdates
   * per contributor per turn, which grows with peers × batch size and fell
   * seconds behind at 200 clients (docs/performance.md). Only a peer that
   * wrote the whole batch is skipped: it would receive nothing new.
   */
  private broadcastBatch(batch: PendingUpdate[], merged: Uint8Array): void {
    this.lastBroadcastAt = performance.now();
    const soleContributor = soleConnectionOf(batch);
    const frame = encodeUpdateFrame(merged);
    for (const peer of this.peers.values()) {
      if (peer.id !== soleContributor) peer.sendDocumentUpdate(frame, merged);
    }
  }

  /** Whether appends currently wait for the storage (new readers are then answered from what is stored). */
  get isStorageUnavailable(): boolean {
    return this.appends.isStorageUnavailable;
  }

  /**
   * The state that is committed, as a sync step 2 frame for `stateVector`,
   * read from the store: while writes wait for the storage, the document in
   * memory holds edits nobody may see before they are stored.
   */
  async encodeStoredSyncStep2Frame(stateVector: Uint8Array): Promise<Uint8Array> {
    const stored = new Y.Doc();
    try {
      const parts = await this.options.store.loadParts(this.name);
      stored.transact(() => {
        for (const part of parts) Y.applyUpdate(stored, part);
      });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(stored, stateVector));
      return encoding.toUint8Array(encoder);
    } finally {
      stored.destroy();
    }
  }

  /** Shutdown: stop waiting for the storage; what is not stored stays with the clients, which resend it. */
  stopStorageRetries(): void {
    this.appends.stop();
  }

  /** A failure that is not the storage being full drops the document (4501); see RetryingAppend. */
  private async untilStored(stored: Promise<void>): Promise<void> {
    try {
      await stored;
    } catch (error) {
      if (!(error instanceof AppendFailed)) throw error;
      // Not stored: its writers still hold it and resend it after reconnecting.
      this.fail(error.storeError, error.closeWith);
      throw error.storeError;
    }
  }


  private fail(error: unknown, closeWith: CloseEvent = PersistenceFailed): void {
    if (this.failure !== null) return;
    this.failure = error;
    this.options.log.error('persisting an update failed; dropping the document from memory', {
      document: this.name,
      error: describeError(error),
    });
    // Peers reconnect and resend what the store is missing through sync step 1/2.
    this.closeAllPeers(closeWith);
    this.options.onFailure(this);
  }

  private readonly handleAwarenessUpdate = (
    changes: AwarenessChanges,
    origin: unknown,
  ): void => {
    const changed = this.presenceFilter.relayable(changes);
    const onAwarenessChanged = origin === REPLICATED_AWARENESS ? undefined : this.options.onAwarenessChanged;
    if (changed.length === 0 || (this.peers.size === 0 && onAwarenessChanged === undefined)) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    onAwarenessChanged?.(update);
    if (this.peers.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, update);
    const frame = encoding.toUint8Array(encoder);
    for (const peer of this.peers.values()) peer.sendAwarenessUpdate(frame);
  };
}

/** The connection that wrote every update of the batch, or null if there were several writers (or the server). */
function soleConnectionOf(batch: readonly PendingUpdate[]): number | null {
  let connectionId: number | null = null;
  for (const entry of batch) {
    if (entry.origin?.source !== 'connection') return null;
    if (connectionId === null) connectionId = entry.origin.connectionId;
    else if (connectionId !== entry.origin.connectionId) return null;
  }
  return connectionId;
}

function mergeBatch(batch: readonly PendingUpdate[]): Uint8Array {
  return batch.length === 1 ? (batch[0] as PendingUpdate).update : Y.mergeUpdates(batch.map((entry) => entry.update));
}

function encodeUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

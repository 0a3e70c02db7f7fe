import type { DocumentStore } from '../persistence/DocumentStore.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import type { CloseEvent } from '../../shared/protocol/closeCodes.js';
import { SharedDocument } from './SharedDocument.js';
import { StoredStateHandoff } from './StoredStateHandoff.js';
import { defaultSyncLimits } from './SyncLimits.js';
import type { StorageHealth } from '../persistence/StorageHealth.js';
import type { DocumentSchemaUpgrade } from './DocumentSchemaUpgrade.js';
import type { DocumentReplica, DocumentReplication } from '../cluster/DocumentReplication.js';

export interface DocumentRegistryOptions {
  store: DocumentStore;
  log: Logger;
  /** How long a document without peers stays in memory. */
  unloadDelayMs: number;
  compactAfterAppends: number;
  /** Run on every document as it loads, before any client receives it. */
  schemaUpgrade: DocumentSchemaUpgrade;
  /**
   * On a cold load, how long the server waits at most for the clients it
   * handed the stored bytes to before applying them itself (StoredStateHandoff).
   */
  handoffMaxWaitMs: number;
  /** Client edits that would make a document bigger are refused (default: SyncLimits). */
  maxDocumentBytes?: number;
  /** Told which documents wait for the storage (health endpoint). */
  storageHealth?: StorageHealth;
  /** Called once for each document when it has loaded (server-side watchers of its content subscribe here). */
  onDocumentLoaded?: (document: SharedDocument) => void;
  /** With several instances: keeps each loaded document in step with its copies elsewhere. */
  replication?: DocumentReplication;
}

/**
 * Name → loaded SharedDocument. Loads each document once, unloads it a grace
 * period after its last peer left (flushing and compacting first), and never
 * keeps a document whose load or write failed.
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, Promise<SharedDocument>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Stored state of documents still being loaded (see acquireForSync). */
  private readonly handoffs = new Map<string, StoredStateHandoff>();
  private readonly replicas = new Map<SharedDocument, DocumentReplica>();
  /** Documents whose load finished, for synchronous lookups (loadedDocument). */
  private readonly ready = new Map<string, SharedDocument>();
  private readonly options: DocumentRegistryOptions;

  constructor(options: DocumentRegistryOptions) {
    if (options.unloadDelayMs < 0) throw new Error('unloadDelayMs must not be negative');
    if (options.compactAfterAppends < 1) throw new Error('compactAfterAppends must be at least 1');
    this.options = options;
  }

  get loadedCount(): number {
    return this.documents.size;
  }

  /** Entries of every per-document map here; all 0 once every document unloaded. */
  get entryCounts(): Record<string, number> {
    return {
      documents: this.documents.size,
      unloading: this.unloading.size,
      unloadTimers: this.unloadTimers.size,
      handoffs: this.handoffs.size,
      replicas: this.replicas.size,
      ready: this.ready.size,
    };
  }

  /** The loaded document; rejects if it cannot be loaded (it is then not kept). */
  acquire(name: string): Promise<SharedDocument> {
    const { document, handoff } = this.acquireForSync(name);
    handoff?.hurry();
    return document;
  }

  /**
   * As acquire, plus, while the document is still loading, the handoff of its
   * stored state: a connection may send the bytes to a new client before the
   * server applies them (they are committed, and every update made after the
   * load reaches that connection as a peer; see ClientConnection), and the
   * server applies them once that client has taken them in.
   */
  acquireForSync(name: string): { document: Promise<SharedDocument>; handoff: StoredStateHandoff | null } {
    this.cancelUnload(name);
    const existing = this.documents.get(name);
    if (existing) return { document: existing, handoff: this.handoffs.get(name) ?? null };
    const handoff = new StoredStateHandoff(this.options.handoffMaxWaitMs);
    const loading = this.load(name, handoff);
    this.documents.set(name, loading);
    this.handoffs.set(name, handoff);
    const loaded = (): void => {
      handoff.end();
      if (this.handoffs.get(name) === handoff) this.handoffs.delete(name);
    };
    loading.then(
      () => {
        loaded();
        this.scheduleUnload(name); // in case the peer that asked left while loading
      },
      () => {
        loaded();
        if (this.documents.get(name) === loading) this.documents.delete(name);
      },
    );
    return { document: loading, handoff };
  }

  /** A loaded document, without loading it. */
  async peek(name: string): Promise<SharedDocument | null> {
    const loading = this.documents.get(name);
    if (!loading) return null;
    return loading.catch(() => null);
  }

  /** Flushes, compacts and drops every document, closing its peers with `event`. */
  async closeAll(event: CloseEvent): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const handoff of this.handoffs.values()) handoff.hurry();
    // A document waiting for a full disk would hold the shutdown; its clients keep what is not stored.
    for (const loading of this.documents.values()) void loading.then((document) => document.stopStorageRetries(), () => undefined);
    const names = [...this.documents.keys()];
    await Promise.all(names.map((name) => this.unload(name, event)));
    await Promise.all([...this.unloading.values()]);
  }

  private async load(name: string, handoff: StoredStateHandoff): Promise<SharedDocument> {
    // A document being unloaded may still be writing its last updates.
    await this.unloading.get(name);
    // Followed before the load: whatever another instance publishes meanwhile is applied after it.
    const replica = (await this.options.replication?.follow(name)) ?? null;
    const document = new SharedDocument({
      name,
      store: this.options.store,
      log: this.options.log,
      compactAfterAppends: this.options.compactAfterAppends,
      schemaUpgrade: this.options.schemaUpgrade,
      maxDocumentBytes: this.options.maxDocumentBytes ?? defaultSyncLimits.maxDocumentBytes,
      ...(this.options.storageHealth ? { storageHealth: this.options.storageHealth } : {}),
      onIdle: () => this.scheduleUnload(name),
      onFailure: (failed) => this.drop(name, failed),
      ...(replica
        ? { onCommitted: (update: Uint8Array) => replica.published(update), onAwarenessChanged: (update: Uint8Array) => replica.awarenessChanged(update) }
        : {}),
    });
    try {
      await document.loadFromStore(handoff);
    } catch (error) {
      replica?.detach();
      document.destroy();
      throw error;
    }
    if (replica) {
      replica.attach(document);
      this.replicas.set(document, replica);
    }
    this.ready.set(name, document);
    this.options.onDocumentLoaded?.(document);
    return document;
  }

  private scheduleUnload(name: string): void {
    this.cancelUnload(name);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name);
      void this.unload(name, null);
    }, this.options.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(name, timer);
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
  }

  private async unload(name: string, closeWith: CloseEvent | null): Promise<void> {
    const loading = this.documents.get(name);
    if (!loading) return;
    const document = await loading.catch(() => null);
    if (document === null || this.documents.get(name) !== loading) return;
    if (closeWith !== null) document.closeAllPeers(closeWith);
    if (document.peerCount > 0) return;
    this.documents.delete(name);
    const finishing = (async () => {
      try {
        await document.whenPersisted();
        await document.compact();
      } catch (error) {
        this.options.log.error('final flush failed while unloading', { document: name, error: describeError(error) });
      } finally {
        this.destroy(document);
      }
    })();
    this.unloading.set(name, finishing);
    await finishing;
    if (this.unloading.get(name) === finishing) this.unloading.delete(name);
  }

  /** A document whose load has finished, or null; never starts a load. */
  loadedDocument(name: string): SharedDocument | null {
    return this.ready.get(name) ?? null;
  }

  private destroy(document: SharedDocument): void {
    if (this.ready.get(document.name) === document) this.ready.delete(document.name);
    this.replicas.get(document)?.detach();
    this.replicas.delete(document);
    document.destroy();
  }

  private drop(name: string, document: SharedDocument): void {
    // A write can fail while the document is still loading (its schema upgrade); that load rejects and is dropped by acquireForSync.
    void this.documents.get(name)?.then(
      (current) => {
        if (current !== document) return;
        this.documents.delete(name);
        this.cancelUnload(name);
        this.destroy(document);
      },
      () => undefined,
    );
  }
}

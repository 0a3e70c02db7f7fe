import * as Y from 'yjs';
import type { DocumentStore } from './DocumentStore.js';
import { assertCompleteUpdate } from './assertCompleteUpdate.js';

/** What a MemoryDocumentStore keeps; outlives the store, as a database outlives its connection. */
export class MemoryDocumentStorage {
  readonly states = new Map<string, Uint8Array>();
  readonly updates = new Map<string, Uint8Array[]>();
}

/**
 * DocumentStore in process memory: the reference the contract suite checks the database stores
 * against, and a store for tests of the sync engine that do not care where bytes go. Not durable.
 * Appends of one turn settle together, like the group commit of the database stores.
 */
export class MemoryDocumentStore implements DocumentStore {
  private pending: Array<{ name: string; update: Uint8Array; resolve: () => void }> = [];
  private isClosed = false;

  constructor(private readonly storage = new MemoryDocumentStorage()) {}

  async load(name: string): Promise<Uint8Array | null> {
    const parts = await this.loadParts(name);
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
  }

  async loadParts(name: string): Promise<Uint8Array[]> {
    if (this.isClosed) throw closedError();
    this.commitPending();
    const state = this.storage.states.get(name);
    if (state) assertCompleteUpdate(state, `Stored state of ${name}`);
    return [...(state ? [state] : []), ...(this.storage.updates.get(name) ?? [])];
  }

  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    try {
      assertCompleteUpdate(update, `An update for ${name}`);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve) => {
      if (this.pending.length === 0) setImmediate(() => this.commitPending());
      this.pending.push({ name, update: update.slice(), resolve });
    });
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    if (this.isClosed) throw closedError();
    assertCompleteUpdate(state, `The compacted state of ${name}`);
    this.commitPending();
    this.storage.states.set(name, state.slice());
    this.storage.updates.delete(name);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.commitPending();
    this.isClosed = true;
  }

  private commitPending(): void {
    const batch = this.pending;
    this.pending = [];
    for (const append of batch) {
      const log = this.storage.updates.get(append.name) ?? [];
      log.push(append.update);
      this.storage.updates.set(append.name, log);
    }
    batch.forEach((append) => append.resolve());
  }
}

function closedError(): Error {
  return new Error('Document store is closed');
}

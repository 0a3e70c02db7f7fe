import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { formatDocumentName } from '../../shared/documentName.js';
import { PersistenceFailed, type CloseEvent } from '../../shared/protocol/closeCodes.js';
import type { DocumentStore } from '../../server/persistence/DocumentStore.js';
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.js';
import { DocumentRegistry } from '../../server/sync/DocumentRegistry.js';
import type { DocumentPeer, SharedDocument } from '../../server/sync/SharedDocument.js';
import { planDocumentUpgrade } from '../../server/plans/migrations/planDocumentUpgrade.js';
import { silentLogger } from '../../server/log.js';
import { waitFor } from '../helpers/waitFor.js';
import { runFixture } from '../helpers/runFixture.js';

async function temporaryDatabase(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-flush-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  return path.join(dataDir, 'plans.sqlite');
}

/** The real SQLite store, whose flush to disk waits until the test releases it (or fails it). */
class HeldFlushStore implements DocumentStore {
  /** Off while the document loads: a schema upgrade on load waits for its own flush. */
  isHolding = false;
  flushCalls = 0;
  private releases: Array<(error?: Error) => void> = [];
  constructor(private readonly inner: SqliteDocumentStore) {}
  load(name: string) {
    return this.inner.load(name);
  }
  loadParts(name: string) {
    return this.inner.loadParts(name);
  }
  appendUpdate(name: string, update: Uint8Array) {
    return this.inner.appendUpdate(name, update);
  }
  async flushToDisk(): Promise<void> {
    if (!this.isHolding) return this.inner.flushToDisk();
    this.flushCalls += 1;
    await new Promise<void>((resolve, reject) => this.releases.push((error) => (error ? reject(error) : resolve())));
    await this.inner.flushToDisk();
  }
  release(error?: Error): void {
    const releases = this.releases;
    this.releases = [];
    releases.forEach((release) => release(error));
  }
  compact(name: string, state: Uint8Array) {
    return this.inner.compact(name, state);
  }
  close() {
    return this.inner.close();
  }
}

interface RecordingPeer extends DocumentPeer {
  received: Uint8Array[];
  closedWith: CloseEvent[];
}

function recordingPeer(id: number, document: () => SharedDocument): RecordingPeer {
  const peer: RecordingPeer = {
    id,
    received: [],
    closedWith: [],
    sendDocumentUpdate: (frame) => peer.received.push(frame),
    sendAwarenessUpdate: () => undefined,
    storageStatusChanged: () => undefined,
    documentSizeChanged: () => undefined,
    close: (event) => {
      peer.closedWith.push(event);
      document().removePeer(peer, []);
    },
  };
  return peer;
}

async function documentOnHeldStore(): Promise<{ store: HeldFlushStore; registry: DocumentRegistry; document: SharedDocument; name: string }> {
  const inner = await SqliteDocumentStore.open({ filename: await temporaryDatabase(), synchronous: 'FULL' });
  const store = new HeldFlushStore(inner);
  const registry = new DocumentRegistry({ store, log: silentLogger, unloadDelayMs: 50, compactAfterAppends: 1_000, handoffMaxWaitMs: 1_000, schemaUpgrade: planDocumentUpgrade });
  onTestFinished(async () => {
    store.isHolding = false;
    store.release();
    await registry.closeAll(PersistenceFailed);
    await inner.close();
  });
  const name = formatDocumentName('plan-flush');
  const document = await registry.acquire(name);
  store.isHolding = true;
  return { store, registry, document, name };
}

function paragraphEdit(document: SharedDocument, connectionId: number): void {
  const edit = new Y.Doc();
  Y.applyUpdate(edit, Y.encodeStateAsUpdate(document));
  edit.getXmlFragment('content').insert(0, [new Y.XmlElement('paragraph')]);
  Y.applyUpdate(document, Y.encodeStateAsUpdate(edit, Y.encodeStateVector(document)), { source: 'connection', connectionId });
}

describe('committed, broadcast, then flushed to disk', () => {
  it('peers receive an update before its fsync; the save is confirmed only after it', async () => {
    const { store, document } = await documentOnHeldStore();
    const writer = recordingPeer(1, () => document);
    const reader = recordingPeer(2, () => document);
    document.addPeer(writer);
    document.addPeer(reader);

    paragraphEdit(document, writer.id);
    let confirmed = false;
    const persisted = document.whenPersisted().then(() => (confirmed = true));
    await waitFor(() => reader.received.length === 1, { message: 'the update was not broadcast while the disk flush was pending' });
    await waitFor(() => store.flushCalls === 1, { message: 'no flush to disk was asked for' });
    expect(confirmed).toBe(false);

    store.release();
    await persisted;
    expect(confirmed).toBe(true);
  });

  it('a burst of writers shares flushes instead of queueing one per commit behind the disk', async () => {
    const filename = await temporaryDatabase();
    const inner = await SqliteDocumentStore.open({ filename, synchronous: 'FULL' });
    onTestFinished(() => inner.close());
    const probe = await open(`${filename}-wal`, 'r');
    const datasync = vi.spyOn(Object.getPrototypeOf(probe) as FileHandle, 'datasync');
    await probe.close();
    onTestFinished(() => datasync.mockRestore());
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    // 50 commits, each followed at once by its flush request, as 50 writers' confirmations would be.
    const confirmations: Promise<void>[] = [];
    for (let index = 0; index < 50; index++) {
      doc.getText('t').insert(0, String(index));
      confirmations.push(inner.appendUpdate('plan:burst', updates[index] as Uint8Array).then(() => inner.flushToDisk()));
    }
    await Promise.all(confirmations);
    expect(await inner.loadParts('plan:burst')).toHaveLength(50);
    // Counted on the real calls (the spy passes them through): one running, one for all that came meanwhile.
    expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(datasync.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('an fsync that fails drops the document: its peers reconnect and resend, nothing is confirmed', async () => {
    const { store, registry, document } = await documentOnHeldStore();
    const writer = recordingPeer(1, () => document);
    document.addPeer(writer);
    paragraphEdit(document, writer.id);
    const persisted = document.whenPersisted();
    await waitFor(() => store.flushCalls === 1, { message: 'no flush to disk was asked for' });
    store.release(new Error('EIO: i/o error, fdatasync'));
    await expect(persisted).rejects.toThrow('EIO');
    expect(writer.closedWith).toEqual([PersistenceFailed]);
    await waitFor(() => registry.loadedCount === 0, { message: 'the failed document stayed loaded' });
  });

  it('a process killed after the commit and before the flush keeps every committed update', async () => {
    const filename = await temporaryDatabase();
    const count = 200;
    const { output, signal } = await runFixture('commitThenKill.ts', [filename, 'plan:killed', String(count)]);
    expect(output).toContain(`committed`);
    expect(signal).toBe('SIGKILL');

    const store = await SqliteDocumentStore.open({ filename, synchronous: 'FULL' });
    onTestFinished(() => store.close());
    const stored = await store.load('plan:killed');
    expect(stored).not.toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored as Uint8Array);
    const text = doc.getText('log').toString();
    expect(text.split(';').filter(Boolean)).toHaveLength(count);
    expect(text.endsWith(`update ${count - 1};`)).toBe(true);
  });
});

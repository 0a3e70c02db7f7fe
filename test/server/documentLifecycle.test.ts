import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { formatDocumentName } from '../../shared/documentName.js';
import { PersistenceFailed } from '../../shared/protocol/closeCodes.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { appendParagraph, connectClient, waitForSync } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { RawDocumentDatabase, plansDatabasePath } from '../helpers/RawDocumentDatabase.js';
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.js';
import type { DocumentStore } from '../../server/persistence/DocumentStore.js';
import { DocumentRegistry } from '../../server/sync/DocumentRegistry.js';
import { planDocumentUpgrade } from '../../server/plans/migrations/planDocumentUpgrade.js';
import { silentLogger } from '../../server/log.js';
import type { DocumentPeer } from '../../server/sync/SharedDocument.js';
import type { DocumentSchemaUpgrade } from '../../server/sync/DocumentSchemaUpgrade.js';
import { DOCUMENT_SCHEMA_VERSION, readDocumentSchemaVersion } from '../../shared/documentSchema.js';
import type { CloseEvent } from '../../shared/protocol/closeCodes.js';

describe('documents in memory', () => {
  it('leave memory after the grace period, compacted, and come back with their content', async () => {
    const server = await startTestServer({ config: { unloadDelayMs: 150 } });
    const name = formatDocumentName('plan-unload');
    const writer = connectClient(server.collabUrl, 'plan-unload');
    await waitForSync(writer);
    appendParagraph(writer, 'zostaje na dysku');
    await writer.channel.whenSaved();
    expect(server.server.registry.loadedCount).toBe(1);

    writer.destroy();
    await waitFor(() => server.server.registry.loadedCount === 0, { message: 'document stayed in memory' });
    const raw = await RawDocumentDatabase.open(plansDatabasePath(server.dataDir));
    try {
      // Unloading folds the update log into the state row on its way out.
      await waitFor(async () => (await raw.countUpdates(name)) === 0, { message: 'update log was not compacted' });
      expect(await raw.readState(name)).not.toBeNull();
    } finally {
      await raw.close();
    }

    const reader = connectClient(server.collabUrl, 'plan-unload');
    await waitForSync(reader);
    expect(reader.text()).toBe('zostaje na dysku');
  });

  it('stays loaded when someone comes back within the grace period', async () => {
    const server = await startTestServer({ config: { unloadDelayMs: 400 } });
    const first = connectClient(server.collabUrl, 'plan-return');
    await waitForSync(first);
    first.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = connectClient(server.collabUrl, 'plan-return');
    await waitForSync(second);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(server.server.registry.loadedCount).toBe(1);
  });
});

/** The real SQLite store, with appends that can be made to fail, to exercise the failure path. */
class FailingAppendStore implements DocumentStore {
  shouldFail = false;
  constructor(private readonly inner: DocumentStore) {}
  load(name: string) {
    return this.inner.load(name);
  }
  loadParts(name: string) {
    return this.inner.loadParts(name);
  }
  appendUpdate(name: string, update: Uint8Array) {
    return this.shouldFail ? Promise.reject(new Error('disk full')) : this.inner.appendUpdate(name, update);
  }
  compact(name: string, state: Uint8Array) {
    return this.inner.compact(name, state);
  }
  close() {
    return this.inner.close();
  }
}

describe('a write that cannot be committed', () => {
  it('is never broadcast; the document is dropped and its peers are closed so they resend', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-failing-'));
    const inner = await SqliteDocumentStore.open({ filename: path.join(dataDir, 'plans.sqlite') });
    onTestFinished(async () => {
      await inner.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    const store = new FailingAppendStore(inner);
    const registry = new DocumentRegistry({ store, log: silentLogger, unloadDelayMs: 50, compactAfterAppends: 100, handoffMaxWaitMs: 1_000, schemaUpgrade: planDocumentUpgrade });
    const name = formatDocumentName('plan-failing');
    const document = await registry.acquire(name);
    const received: Uint8Array[] = [];
    const closed: CloseEvent[] = [];
    const peer = (id: number): DocumentPeer => ({
      id,
      sendDocumentUpdate: (frame) => received.push(frame),
      sendAwarenessUpdate: (frame) => received.push(frame),
      storageStatusChanged: () => undefined,
      documentSizeChanged: () => undefined,
      close: (event) => {
        closed.push(event);
        document.removePeer(peerById.get(id) as DocumentPeer, []);
      },
    });
    const peerById = new Map([1, 2].map((id) => [id, peer(id)]));
    for (const entry of peerById.values()) document.addPeer(entry);

    store.shouldFail = true;
    const edit = new Y.Doc();
    edit.getXmlFragment('content').insert(0, [new Y.XmlElement('paragraph')]);
    Y.applyUpdate(document, Y.encodeStateAsUpdate(edit), { source: 'connection', connectionId: 1 });
    await expect(document.whenPersisted()).rejects.toThrow('disk full');
    expect(received).toEqual([]);
    expect(closed).toEqual([PersistenceFailed, PersistenceFailed]);
    await waitFor(() => registry.loadedCount === 0, { message: 'failed document stayed loaded' });

    store.shouldFail = false;
    const reloaded = await registry.acquire(name);
    expect(reloaded).not.toBe(document);
    expect(reloaded.getXmlFragment('content').length).toBe(0);
    await registry.closeAll(PersistenceFailed);
  });
});

describe('a schema upgrade whose code cannot be loaded', () => {
  it('fails only that document load, with the error, writes nothing, and the next load upgrades', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-schema-load-'));
    const store = await SqliteDocumentStore.open({ filename: path.join(dataDir, 'plans.sqlite') });
    onTestFinished(async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    // The real upgrade, except that loading its code fails once (what a missing or broken module does).
    let failuresLeft = 1;
    const schemaUpgrade: DocumentSchemaUpgrade = {
      ...planDocumentUpgrade,
      loadUpgrade: () =>
        failuresLeft-- > 0 ? Promise.reject(new Error('the plan document schema could not be loaded: gone')) : planDocumentUpgrade.loadUpgrade(),
    };
    const registry = new DocumentRegistry({ store, log: silentLogger, unloadDelayMs: 50, compactAfterAppends: 100, handoffMaxWaitMs: 1_000, schemaUpgrade });
    const name = formatDocumentName('plan-schema-load');

    await expect(registry.acquire(name)).rejects.toThrow('the plan document schema could not be loaded: gone');
    expect(registry.loadedCount).toBe(0);
    expect(await store.loadParts(name)).toEqual([]);

    const document = await registry.acquire(name);
    expect(readDocumentSchemaVersion(document)).toBe(DOCUMENT_SCHEMA_VERSION);
    await registry.closeAll(PersistenceFailed);
  });
});

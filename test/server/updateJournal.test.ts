import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatDocumentName } from '../../shared/documentName.js';
import { PersistenceFailed } from '../../shared/protocol/closeCodes.js';
import type { DocumentStore } from '../../server/persistence/DocumentStore.js';
import { SqliteDocumentStore, journalPathOf } from '../../server/persistence/SqliteDocumentStore.js';
import { UpdateJournal } from '../../server/persistence/UpdateJournal.js';
import { DocumentRegistry } from '../../server/sync/DocumentRegistry.js';
import type { DocumentPeer } from '../../server/sync/SharedDocument.js';
import { planDocumentUpgrade } from '../../server/plans/migrations/planDocumentUpgrade.js';
import { silentLogger } from '../../server/log.js';
import { waitFor } from '../helpers/waitFor.js';
import { runFixture } from '../helpers/runFixture.js';

async function temporaryDatabase(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-journal-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  return path.join(dataDir, 'plans.sqlite');
}

function textUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count; index++) doc.getText('log').insert(doc.getText('log').length, `update ${index};`);
  return updates;
}

function logOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state !== null) Y.applyUpdate(doc, state);
  return doc.getText('log').toString();
}

/** The real store, whose journaled commits report done only when the test releases them. */
class HeldCommitStore implements DocumentStore {
  /** Off while the document loads: a schema upgrade on load waits for its own commit. */
  isHolding = false;
  private releases: Array<() => void> = [];
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
  appendCrashSafe(name: string, update: Uint8Array): Promise<void> | null {
    const committed = this.inner.appendCrashSafe(name, update);
    if (committed === null || !this.isHolding) return committed;
    return committed.then(() => new Promise<void>((resolve) => this.releases.push(resolve)));
  }
  get heldCount(): number {
    return this.releases.length;
  }
  release(): void {
    const releases = this.releases;
    this.releases = [];
    releases.forEach((release) => release());
  }
  compact(name: string, state: Uint8Array) {
    return this.inner.compact(name, state);
  }
  close() {
    return this.inner.close();
  }
}

describe('the update journal', () => {
  it('gives back what was recorded, in order, and stops at a torn last entry', async () => {
    const file = `${await temporaryDatabase()}.updates-journal`;
    const journal = UpdateJournal.open(file);
    const updates = textUpdates(3);
    updates.forEach((update, index) => expect(journal.record(`plan:${index}`, update)).toBe(true));
    await appendFile(file, Buffer.from([40, 0, 0, 0, 1, 2, 3])); // a header whose entry never made it
    const recovered = UpdateJournal.recover(file);
    expect(recovered.map((entry) => entry.name)).toEqual(['plan:0', 'plan:1', 'plan:2']);
    expect(recovered.map((entry) => [...entry.update])).toEqual(updates.map((update) => [...update]));
    journal.close();
  });

  it('is emptied once every recorded update is committed, and loads include what is not yet', async () => {
    const filename = await temporaryDatabase();
    const store = await SqliteDocumentStore.open({ filename, journal: true });
    onTestFinished(() => store.close());
    const updates = textUpdates(20);
    const commits = updates.map((update) => store.appendCrashSafe('plan:j', update));
    const journaled = commits.filter((commit): commit is Promise<void> => commit !== null);
    expect(journaled).toHaveLength(20);
    expect((await stat(journalPathOf(filename))).size).toBeGreaterThan(0);
    await Promise.all(journaled);
    expect((await stat(journalPathOf(filename))).size).toBe(0);
    expect(logOf(await store.load('plan:j')).split(';').filter(Boolean)).toHaveLength(20);
  });

  it('peers receive a journaled update before its commit resolves; the save is confirmed after it', async () => {
    const inner = await SqliteDocumentStore.open({ filename: await temporaryDatabase(), journal: true });
    const store = new HeldCommitStore(inner);
    const registry = new DocumentRegistry({ store, log: silentLogger, unloadDelayMs: 50, compactAfterAppends: 1_000, handoffMaxWaitMs: 1_000, schemaUpgrade: planDocumentUpgrade });
    onTestFinished(async () => {
      store.release();
      await registry.closeAll(PersistenceFailed);
      await inner.close();
    });
    const document = await registry.acquire(formatDocumentName('plan-journal'));
    store.isHolding = true;
    const received: Uint8Array[] = [];
    const reader: DocumentPeer = {
      id: 2,
      sendDocumentUpdate: (frame) => received.push(frame),
      sendAwarenessUpdate: () => undefined,
      storageStatusChanged: () => undefined,
      documentSizeChanged: () => undefined,
      close: () => undefined,
    };
    document.addPeer(reader);
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(document));
    edit.getXmlFragment('content').insert(0, [new Y.XmlElement('paragraph')]);
    let confirmed = false;
    void document.applyClientUpdate(Y.encodeStateAsUpdate(edit, Y.encodeStateVector(document)), 1, {
      onRefused: () => undefined,
      onError: () => undefined,
      onMissingContent: () => undefined,
    });
    const persisted = document.whenPersisted().then(() => (confirmed = true));
    await waitFor(() => received.length === 1, { message: 'the journaled update was not broadcast before its commit' });
    await waitFor(() => store.heldCount === 1, { message: 'the update did not go through the journal' });
    expect(confirmed).toBe(false);
    store.release();
    await persisted;
    expect(confirmed).toBe(true);
  });

  it('a process killed right after journaling, before SQLite committed, loses none of it', async () => {
    const filename = await temporaryDatabase();
    const count = 200;
    const { output, signal } = await runFixture('journalThenKill.ts', [filename, 'plan:killed', String(count)]);
    expect(output).toContain(`journaled ${count}`);
    expect(signal).toBe('SIGKILL');
    // The commits had not all happened: without the journal something would be missing.
    expect(UpdateJournal.recover(journalPathOf(filename)).length).toBeGreaterThan(0);

    // A store that does not own the journal (an inspection) commits what it holds as well.
    const store = await SqliteDocumentStore.open({ filename });
    onTestFinished(() => store.close());
    const text = logOf(await store.load('plan:killed'));
    expect(text.split(';').filter(Boolean)).toHaveLength(count);
    expect(text.endsWith(`update ${count - 1};`)).toBe(true);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { assertCompleteUpdate } from '../../server/persistence/assertCompleteUpdate.js';
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.js';
import type { DocumentStore } from '../../server/persistence/DocumentStore.js';
import { RawDocumentDatabase } from '../helpers/RawDocumentDatabase.js';
import { registerDocumentStoreContractTests, type DocumentStoreHarness } from './documentStoreContract.js';

registerDocumentStoreContractTests('SqliteDocumentStore', async (): Promise<DocumentStoreHarness> => {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-store-'));
  const filename = path.join(directory, 'plans.sqlite');
  const stores: DocumentStore[] = [await SqliteDocumentStore.open({ filename })];
  const raw = await RawDocumentDatabase.open(filename);
  onTestFinished(async () => {
    await raw.close();
    await Promise.all(stores.map((store) => store.close()));
    await rm(directory, { recursive: true, force: true });
  });
  return {
    get store() {
      return stores[0] as DocumentStore;
    },
    async reopen() {
      const store = await SqliteDocumentStore.open({ filename });
      stores.push(store);
      return store;
    },
    countUpdateRecords: (name) => raw.countUpdates(name),
    writeRawState: (name, bytes) => raw.writeState(name, bytes),
    readRawState: (name) => raw.readState(name),
  };
});

describe('SqliteDocumentStore checksums', () => {
  async function openStore(): Promise<{ store: SqliteDocumentStore; raw: RawDocumentDatabase }> {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-checksum-'));
    const filename = path.join(directory, 'plans.sqlite');
    const store = await SqliteDocumentStore.open({ filename });
    const raw = await RawDocumentDatabase.open(filename);
    onTestFinished(async () => {
      await raw.close();
      await store.close();
      await rm(directory, { recursive: true, force: true });
    });
    return { store, raw };
  }

  function documentWith(text: string): Y.Doc {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
    return doc;
  }

  it('refuses a row whose bytes changed on disk, even when they still read as an update', async () => {
    const { store, raw } = await openStore();
    const state = Y.encodeStateAsUpdate(documentWith('Diagnoza'));
    await store.compact('plan/damaged', state);
    // One letter changed: still a well-formed update, so only the checksum can tell.
    const damaged = Uint8Array.from(state);
    const letter = Buffer.from(damaged).indexOf('Diagnoza');
    damaged[letter] = 'd'.charCodeAt(0);
    expect(() => assertCompleteUpdate(damaged, 'damaged state')).not.toThrow();
    await raw.damageState('plan/damaged', damaged);
    await expect(store.loadParts('plan/damaged')).rejects.toThrow(/no longer match the checksum/);
  });

  it('still loads rows written without a checksum, checking their structure instead', async () => {
    const { store, raw } = await openStore();
    const doc = documentWith('Cele');
    await raw.writeState('plan/legacy', Y.encodeStateAsUpdate(doc));
    const loaded = await store.load('plan/legacy');
    expect(loaded).not.toBeNull();
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, loaded as Uint8Array);
    expect(reloaded.getXmlFragment(CONTENT_FIELD).toString()).toBe(doc.getXmlFragment(CONTENT_FIELD).toString());
  });

  it('refuses a malformed update when it is appended, without failing the others of its commit', async () => {
    const { store } = await openStore();
    const good = Y.encodeStateAsUpdate(documentWith('Kierunki'));
    const results = await Promise.allSettled([
      store.appendUpdate('plan/mixed', good),
      store.appendUpdate('plan/mixed', new Uint8Array([5, 0, 0, 0])),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect(await store.loadParts('plan/mixed')).toEqual([good]);
  });
});

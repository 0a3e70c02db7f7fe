import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
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

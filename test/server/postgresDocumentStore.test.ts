import { describe, expect, it, onTestFinished } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { PostgresDocumentStore } from '../../server/persistence/PostgresDocumentStore.js';
import type { DocumentStore } from '../../server/persistence/DocumentStore.js';
import { privatePostgres } from '../helpers/clusterBackends.js';
import { registerDocumentStoreContractTests } from './documentStoreContract.js';

const backend = privatePostgres();

/** A fresh database with the store's tables, a raw client on it, and a way to open more stores. */
async function openDatabase(): Promise<{ url: string; raw: pg.Client; open(): Promise<DocumentStore> }> {
  const url = await backend.postgres.createDatabase();
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const stores: DocumentStore[] = [];
  onTestFinished(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await raw.end();
  });
  return {
    url,
    raw,
    async open() {
      const store = await PostgresDocumentStore.open({ connectionString: url });
      stores.push(store);
      return store;
    },
  };
}

registerDocumentStoreContractTests('PostgresDocumentStore', async () => {
  const database = await openDatabase();
  const stores = [await database.open()];
  return {
    get store() {
      return stores[0] as DocumentStore;
    },
    async reopen() {
      const store = await database.open();
      stores.push(store);
      return store;
    },
    async countUpdateRecords(name) {
      const result = await database.raw.query<{ count: string }>('SELECT count(*) AS count FROM document_updates WHERE name = $1', [name]);
      return Number(result.rows[0]?.count ?? 0);
    },
    async writeRawState(name, bytes) {
      await database.raw.query(
        `INSERT INTO documents (name, state, checksum, updated_at) VALUES ($1, $2, NULL, 0)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, checksum = NULL`,
        [name, Buffer.from(bytes)],
      );
    },
    async readRawState(name) {
      const result = await database.raw.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [name]);
      const state = result.rows[0]?.state;
      return state ? new Uint8Array(state) : null;
    },
  };
});

function paragraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  const capture = (bytes: Uint8Array) => (update = bytes);
  doc.on('update', capture);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const content = doc.getXmlFragment(CONTENT_FIELD);
  content.insert(content.length, [paragraph]);
  doc.off('update', capture);
  if (update === null) throw new Error('no update');
  return update;
}

function paragraphsOf(state: Uint8Array | null): string[] {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getXmlFragment(CONTENT_FIELD).toArray().map((node) => (node instanceof Y.XmlElement ? node.toString() : ''));
}

describe('PostgresDocumentStore with several instances on one database', () => {
  it('a compaction by one instance keeps what another appended that its state lacks', async () => {
    const database = await openDatabase();
    const [first, second] = [await database.open(), await database.open()];
    const editorA = new Y.Doc();
    const editorB = new Y.Doc();
    for (let index = 0; index < 20; index++) {
      await first.appendUpdate('plan/shared', paragraphUpdate(editorA, `A${index}`));
      await second.appendUpdate('plan/shared', paragraphUpdate(editorB, `B${index}`));
    }
    // Instance A compacts with only its own edits in memory, while B goes on appending.
    const racing: Array<Promise<void>> = [first.compact('plan/shared', Y.encodeStateAsUpdate(editorA))];
    for (let index = 20; index < 40; index++) racing.push(second.appendUpdate('plan/shared', paragraphUpdate(editorB, `B${index}`)));
    racing.push(first.compact('plan/shared', Y.encodeStateAsUpdate(editorA)));
    await Promise.all(racing);

    const loaded = paragraphsOf(await second.load('plan/shared'));
    expect(loaded).toHaveLength(60);
    for (let index = 0; index < 40; index++) expect(loaded.join()).toContain(`>B${index}<`);
    for (let index = 0; index < 20; index++) expect(loaded.join()).toContain(`>A${index}<`);
  });

  it('instances opening the same empty database at once migrate it once', async () => {
    const url = await backend.postgres.createDatabase();
    const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresDocumentStore.open({ connectionString: url })));
    onTestFinished(() => Promise.all(stores.map((store) => store.close())).then(() => undefined));
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    const version = await raw.query<{ version: number }>("SELECT version FROM schema_migrations WHERE component = 'documents'");
    await raw.end();
    expect(version.rows).toEqual([{ version: 1 }]);
  });
});

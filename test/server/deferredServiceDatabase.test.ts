import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServiceDatabase } from '../../server/database/openServiceDatabase.js';
import { SqliteDatabase } from '../../server/persistence/sqlite.js';
import { migrations } from '../../server/persistence/migrations/index.js';

// On SQLite the services' knex connection is made by the first statement (DeferredServiceDatabase);
// the schema must nevertheless be up to date as soon as the database is open.
describe('the SQLite service database, connected on first use', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'deferred-service-database-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const readSchemaVersion = async (filename: string): Promise<number | undefined> => {
    const witness = await SqliteDatabase.open(filename);
    try {
      return (await witness.get<{ user_version: number }>('PRAGMA user_version'))?.user_version;
    } finally {
      await witness.close();
    }
  };

  it('has migrated the file when it opens, before any statement, and answers the first statement', async () => {
    const filename = path.join(directory, 'first-use.sqlite');
    const database = await openServiceDatabase({ filename, synchronous: 'NORMAL' });
    try {
      expect(await readSchemaVersion(filename)).toBe(migrations.length);
      expect(await database.get<{ count: number }>('SELECT COUNT(*) AS count FROM users')).toEqual({ count: 0 });
      // The pragmas of the knex connection are the ones the services relied on before.
      expect(await database.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await database.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    } finally {
      await database.close();
    }
  });

  it('runs statements issued at once, before it connected, each once and in order', async () => {
    const filename = path.join(directory, 'at-once.sqlite');
    const database = await openServiceDatabase({ filename, synchronous: 'NORMAL' });
    try {
      await Promise.all([
        database.run('CREATE TABLE IF NOT EXISTS seen (n INTEGER NOT NULL)'),
        ...Array.from({ length: 5 }, (_, index) => database.run('INSERT INTO seen (n) VALUES (?)', [index])),
      ]);
      expect((await database.all<{ n: number }>('SELECT n FROM seen ORDER BY rowid')).map((row) => row.n)).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await database.close();
    }
  });

  it('closes without ever having connected, and refuses statements once closed', async () => {
    const filename = path.join(directory, 'never-used.sqlite');
    const database = await openServiceDatabase({ filename, synchronous: 'NORMAL' });
    await database.close();
    expect(await readSchemaVersion(filename)).toBe(migrations.length);
    await expect(database.get('SELECT 1')).rejects.toThrow('closed');
  });

  it('refuses a file whose schema is newer than this server when it opens, not at the first statement', async () => {
    const filename = path.join(directory, 'newer.sqlite');
    const newer = await SqliteDatabase.open(filename);
    await newer.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    await newer.close();
    await expect(openServiceDatabase({ filename, synchronous: 'NORMAL' })).rejects.toThrow('newer than this server');
  });
});

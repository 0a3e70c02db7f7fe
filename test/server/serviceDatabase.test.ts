import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServiceDatabase } from '../../server/database/openServiceDatabase.js';
import type { ServiceDatabase } from '../../server/database/ServiceDatabase.js';
import { isUniqueViolation } from '../../server/database/isUniqueViolation.js';
import { createTestDatabase, dropTestDatabase, testDatabaseBackend } from '../helpers/testDatabase.js';

// Runs in both vitest projects: on the SQLite file, and on the project's PostgreSQL cluster.
const backend = testDatabaseBackend();

describe(`the service database on ${backend}`, () => {
  let directory: string;
  let databaseUrl: string | null = null;
  let database: ServiceDatabase;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'service-database-'));
    databaseUrl = backend === 'postgres' ? await createTestDatabase() : null;
    database = await openServiceDatabase({ databaseUrl, filename: path.join(directory, 'plans.sqlite'), synchronous: 'NORMAL' });
    await database.run('CREATE TABLE numbered (parent TEXT NOT NULL, number INTEGER NOT NULL, at BIGINT NOT NULL, bytes BYTEA, UNIQUE (parent, number))');
  });
  afterAll(async () => {
    await database.close();
    if (databaseUrl !== null) await dropTestDatabase(databaseUrl);
    await rm(directory, { recursive: true, force: true });
  });

  it('is the backend this run asked for', () => {
    expect(database.dialect).toBe(backend);
  });

  it('returns big integers and counts as numbers, and bytes as the same bytes', async () => {
    const at = Date.UTC(2026, 11, 1, 12, 0, 0, 123);
    const bytes = Buffer.from([0, 255, 1, 128, 7]);
    await database.run('INSERT INTO numbered (parent, number, at, bytes) VALUES (?, ?, ?, ?)', ['types', 1, at, bytes]);
    const row = await database.get<{ at: unknown; bytes: unknown; count: unknown }>(
      "SELECT at, bytes, (SELECT COUNT(*) FROM numbered WHERE parent = 'types') AS count FROM numbered WHERE parent = ?",
      ['types'],
    );
    expect(row?.at).toBe(at);
    expect(row?.count).toBe(1);
    expect(Buffer.isBuffer(row?.bytes)).toBe(true);
    expect([...(row?.bytes as Buffer)]).toEqual([...bytes]);
  });

  it('counts changed rows through RETURNING and tells a unique violation by its code', async () => {
    await database.run('INSERT INTO numbered (parent, number, at) VALUES (?, ?, ?)', ['returning', 1, 1]);
    expect(await database.all('UPDATE numbered SET at = 2 WHERE parent = ? RETURNING number', ['returning'])).toHaveLength(1);
    expect(await database.all('UPDATE numbered SET at = 3 WHERE parent = ? RETURNING number', ['nobody'])).toHaveLength(0);
    const duplicate = await database.run('INSERT INTO numbered (parent, number, at) VALUES (?, ?, ?)', ['returning', 1, 1]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(new Error('UNIQUE but not from a database'))).toBe(false);
    await database.run('INSERT INTO numbered (parent, number, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', ['returning', 1, 9]);
    expect(await database.get('SELECT at FROM numbered WHERE parent = ?', ['returning'])).toEqual({ at: 2 });
  });

  it('rolls a transaction back entirely when its work throws', async () => {
    const failure = database.transaction(async (transaction) => {
      await transaction.run('INSERT INTO numbered (parent, number, at) VALUES (?, ?, ?)', ['rollback', 1, 1]);
      throw new Error('changed my mind');
    });
    await expect(failure).rejects.toThrow('changed my mind');
    expect(await database.all('SELECT number FROM numbered WHERE parent = ?', ['rollback'])).toEqual([]);
  });

  it('numbers 40 inserts made at once 1 to 40, each taking MAX + 1 in its own transaction', async () => {
    const insertNext = (): Promise<void> =>
      database.transaction((transaction) =>
        transaction.run('INSERT INTO numbered (parent, number, at) SELECT ?, COALESCE(MAX(number), 0) + 1, ? FROM numbered WHERE parent = ?', [
          'burst',
          Date.now(),
          'burst',
        ]),
      );
    const results = await Promise.allSettled(Array.from({ length: 40 }, insertNext));
    expect(results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    const rows = await database.all<{ number: number }>('SELECT number FROM numbered WHERE parent = ? ORDER BY number', ['burst']);
    expect(rows.map((row) => row.number)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });
});

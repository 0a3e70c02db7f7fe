import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SqliteDatabase } from '../../server/persistence/sqlite.js';

async function openDatabase(): Promise<{ database: SqliteDatabase; filename: string }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-sqlite-'));
  onTestFinished(() => rm(directory, { recursive: true, force: true }));
  const filename = path.join(directory, 'test.sqlite');
  const database = await SqliteDatabase.open(filename);
  await database.exec('PRAGMA journal_mode = WAL; CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL);');
  return { database, filename };
}

// `run` keeps its statements prepared (sqlite.ts): these pin what a kept statement must still do.
describe('SqliteDatabase.run with prepared statements', () => {
  it('reports each run of the same statement on its own: rows changed and the new row id', async () => {
    const { database } = await openDatabase();
    const insert = 'INSERT INTO items (label) VALUES (?)';
    const first = await database.run(insert, ['a']);
    const second = await database.run(insert, ['b']);
    const none = await database.run('DELETE FROM items WHERE label = ?', ['missing']);
    const both = await database.run('DELETE FROM items WHERE label IN (?, ?)', ['a', 'b']);
    expect([first, second]).toEqual([
      { changes: 1, lastID: 1 },
      { changes: 1, lastID: 2 },
    ]);
    expect([none.changes, both.changes]).toEqual([0, 2]);
    await database.close();
  });

  it('a statement that failed (a constraint) runs again with other values, and a broken SQL text keeps failing clearly', async () => {
    const { database } = await openDatabase();
    const insert = 'INSERT INTO items (label) VALUES (?)';
    await database.run(insert, ['same']);
    await expect(database.run(insert, ['same'])).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(database.run(insert, ['other'])).resolves.toEqual({ changes: 1, lastID: 2 });
    await expect(database.run('INSERT INTO no_such_table (x) VALUES (?)', [1])).rejects.toThrow(/no such table/);
    await expect(database.run('INSERT INTO no_such_table (x) VALUES (?)', [1])).rejects.toThrow(/no such table/);
    expect(await database.all<{ label: string }>('SELECT label FROM items ORDER BY id')).toEqual([{ label: 'same' }, { label: 'other' }]);
    await database.close();
  });

  it('closes after more distinct statements than it keeps, and every write is in the file for the next connection', async () => {
    const { database, filename } = await openDatabase();
    for (let index = 0; index < 100; index++) {
      // 100 distinct SQL texts: the oldest kept statements are finalized as new ones come.
      await database.run(`INSERT INTO items (label) VALUES (? || '-${index}')`, ['row']);
    }
    await database.transaction(async (executor) => {
      await executor.run('INSERT INTO items (label) VALUES (?)', ['in a transaction']);
    });
    await database.close();
    const reopened = await SqliteDatabase.open(filename);
    const row = await reopened.get<{ count: number }>('SELECT count(*) AS count FROM items');
    expect(row?.count).toBe(101);
    await reopened.close();
  });

  it('a kept statement holds no snapshot: a checkpoint after the writes empties the WAL', async () => {
    const { database } = await openDatabase();
    await database.run('INSERT INTO items (label) VALUES (?)', ['x']);
    await database.run('UPDATE items SET label = ? WHERE id = ?', ['y', 1]);
    // busy = 1 if a reader (a statement left open) kept the checkpoint from finishing.
    const checkpoint = await database.get<{ busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(checkpoint).toEqual({ busy: 0, log: 0, checkpointed: 0 });
    await database.close();
  });
});

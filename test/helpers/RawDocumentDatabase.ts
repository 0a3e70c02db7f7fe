import path from 'node:path';
import { SqliteDatabase } from '../../server/persistence/sqlite.js';

/** The file name PlanServer gives its store inside the data directory. */
export const PLANS_DATABASE_FILE = 'plans.sqlite';

export function plansDatabasePath(dataDir: string): string {
  return path.join(dataDir, PLANS_DATABASE_FILE);
}

/**
 * A second, independent connection to a store's SQLite file, so tests can see
 * and damage what is on disk without going through the store under test.
 */
export class RawDocumentDatabase {
  private constructor(private readonly database: SqliteDatabase) {}

  static async open(filename: string): Promise<RawDocumentDatabase> {
    const database = await SqliteDatabase.open(filename);
    await database.exec('PRAGMA busy_timeout = 5000;');
    return new RawDocumentDatabase(database);
  }

  /** The compacted state row, byte for byte, or null. */
  async readState(name: string): Promise<Uint8Array | null> {
    const row = await this.database.get<{ state: Buffer }>('SELECT state FROM documents WHERE name = ?', [name]);
    return row ? new Uint8Array(row.state) : null;
  }

  /** Writes a state row without a checksum, as a server from before checksums (or a hand edit) would. */
  async writeState(name: string, state: Uint8Array): Promise<void> {
    await this.database.run(
      `INSERT INTO documents (name, state, checksum, updated_at) VALUES (?, ?, NULL, ?)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, checksum = NULL, updated_at = excluded.updated_at`,
      [name, Buffer.from(state), Date.now()],
    );
  }

  /** Changes a state row's bytes in place and keeps its checksum, as damage on disk would. */
  async damageState(name: string, state: Uint8Array): Promise<void> {
    await this.database.run('UPDATE documents SET state = ? WHERE name = ?', [Buffer.from(state), name]);
  }

  async readUpdates(name: string): Promise<Uint8Array[]> {
    const rows = await this.database.all<{ data: Buffer }>(
      'SELECT data FROM document_updates WHERE name = ? ORDER BY seq',
      [name],
    );
    return rows.map((row) => new Uint8Array(row.data));
  }

  async countUpdates(name: string): Promise<number> {
    const row = await this.database.get<{ count: number }>(
      'SELECT COUNT(*) AS count FROM document_updates WHERE name = ?',
      [name],
    );
    return row?.count ?? 0;
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

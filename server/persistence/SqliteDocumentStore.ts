import * as Y from 'yjs';
import type { DocumentStore } from './DocumentStore.js';
import { SqliteDatabase } from './sqlite.js';
import { SerialQueue } from './SerialQueue.js';
import { migrate } from './migrate.js';
import { assertCompleteUpdate } from './assertCompleteUpdate.js';

export type SynchronousMode = 'FULL' | 'NORMAL';

export interface SqliteDocumentStoreOptions {
  /** Path of the SQLite file. */
  filename: string;
  /** FULL survives power loss; NORMAL (WAL) survives a process crash only. */
  synchronous?: SynchronousMode;
}

interface PendingAppend {
  name: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

// SQLite allows 32766 bound parameters per statement; 3 per row.
const ROWS_PER_INSERT = 2000;

/**
 * DocumentStore on one SQLite file in WAL mode. Appends that arrive in the same
 * event-loop turn (or while the previous commit runs) share one transaction:
 * group commit keeps the cost of "durable before broadcast" low under load.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly queue = new SerialQueue();
  private pendingAppends: PendingAppend[] = [];
  private isCommitScheduled = false;
  private isClosed = false;

  private constructor(private readonly database: SqliteDatabase) {}

  static async open(options: SqliteDocumentStoreOptions): Promise<SqliteDocumentStore> {
    const database = await SqliteDatabase.open(options.filename);
    try {
      await database.exec(`
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = ${options.synchronous ?? 'FULL'};
        PRAGMA busy_timeout = 5000;
      `);
      await migrate(database);
    } catch (error) {
      await database.close().catch(() => undefined);
      throw error;
    }
    return new SqliteDocumentStore(database);
  }

  async load(name: string): Promise<Uint8Array | null> {
    const parts = await this.loadParts(name);
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
  }

  loadParts(name: string): Promise<Uint8Array[]> {
    if (this.isClosed) return Promise.reject(closedError());
    this.enqueuePendingAppends();
    return this.queue.run(async () => {
      const stateRow = await this.database.get<{ state: Buffer }>(
        'SELECT state FROM documents WHERE name = ?',
        [name],
      );
      const updateRows = await this.database.all<{ data: Buffer }>(
        'SELECT data FROM document_updates WHERE name = ? ORDER BY seq',
        [name],
      );
      const parts = [
        ...(stateRow ? [stateRow.state] : []),
        ...updateRows.map((row) => row.data),
      ].map((buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      parts.forEach((part, index) =>
        assertCompleteUpdate(part, index === 0 && stateRow ? `Stored state of ${name}` : `A stored update of ${name}`),
      );
      return parts;
    });
  }

  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ name, update, resolve, reject });
      if (!this.isCommitScheduled) {
        this.isCommitScheduled = true;
        setImmediate(() => this.enqueuePendingAppends());
      }
    });
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    // Appends made before this call must commit first, so that the DELETE
    // below only removes rows that `state` already contains.
    this.enqueuePendingAppends();
    return this.queue.run(() =>
      this.inTransaction(async () => {
        await this.database.run(
          `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
          [name, Buffer.from(state), Date.now()],
        );
        await this.database.run('DELETE FROM document_updates WHERE name = ?', [name]);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.enqueuePendingAppends();
    this.isClosed = true;
    await this.queue.idle();
    await this.database.close();
  }

  private enqueuePendingAppends(): void {
    this.isCommitScheduled = false;
    if (this.pendingAppends.length === 0) return;
    const batch = this.pendingAppends;
    this.pendingAppends = [];
    void this.queue
      .run(() => this.inTransaction(() => this.insertUpdates(batch)))
      .then(
        () => batch.forEach((append) => append.resolve()),
        (error: unknown) => batch.forEach((append) => append.reject(error)),
      );
  }

  private async insertUpdates(batch: PendingAppend[]): Promise<void> {
    const now = Date.now();
    for (let start = 0; start < batch.length; start += ROWS_PER_INSERT) {
      const rows = batch.slice(start, start + ROWS_PER_INSERT);
      const placeholders = rows.map(() => '(?, ?, ?)').join(', ');
      const params = rows.flatMap((row) => [row.name, Buffer.from(row.update), now]);
      await this.database.run(
        `INSERT INTO document_updates (name, data, created_at) VALUES ${placeholders}`,
        params,
      );
    }
  }

  private async inTransaction(work: () => Promise<void>): Promise<void> {
    await this.database.run('BEGIN IMMEDIATE');
    try {
      await work();
      await this.database.run('COMMIT');
    } catch (error) {
      await this.database.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

function closedError(): Error {
  return new Error('Document store is closed');
}

import * as Y from 'yjs';
import { crc32 } from 'node:zlib';
import pg from 'pg';
import type { DocumentStore } from './DocumentStore.js';
import { SerialQueue } from './SerialQueue.js';
import { GroupCommit, type PendingAppend } from './GroupCommit.js';
import { assertCompleteUpdate } from './assertCompleteUpdate.js';
import { migratePostgresDocumentTables } from './postgres/documentMigrations.js';

export interface PostgresDocumentStoreOptions {
  /** `postgres://user@host:port/database` */
  connectionString: string;
  /** Connections kept by this store's pool. */
  maxConnections?: number;
}

interface StoredRow {
  bytes: Buffer;
  checksum: string | null;
}

// PostgreSQL allows 65535 bound parameters per statement; 4 per row.
const ROWS_PER_INSERT = 2000;

/**
 * DocumentStore on PostgreSQL, for several server instances sharing one database. Like the SQLite
 * store, appends of one event-loop turn share one transaction (group commit), and the store's own
 * calls run in the order they were made. Unlike it, other instances may append to the same plan at
 * any moment, so a compaction cannot assume its caller's state holds every stored update: it merges
 * the stored state and the rows it deletes into the state it writes, under a per-plan advisory
 * lock, so at most one instance compacts a plan at a time and nothing appended meanwhile is lost.
 */
export class PostgresDocumentStore implements DocumentStore {
  private readonly queue = new SerialQueue();
  private readonly appends = new GroupCommit(this.queue, (batch) => this.inTransaction((client) => insertUpdates(client, batch)));
  private isClosed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {}

  static async open(options: PostgresDocumentStoreOptions): Promise<PostgresDocumentStore> {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 4 });
    // An idle connection that the server drops must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await migratePostgresDocumentTables(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresDocumentStore(pool, options.connectionString);
  }

  async load(name: string): Promise<Uint8Array | null> {
    const parts = await this.loadParts(name);
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
  }

  loadParts(name: string): Promise<Uint8Array[]> {
    if (this.isClosed) return Promise.reject(closedError());
    this.appends.flush();
    return this.queue.run(async () => {
      const client = await this.pool.connect();
      try {
        // One snapshot for both reads: a compaction committed between them (by any instance) would
        // move rows from the log into a state this load has already read, and they would be missed.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const state = await client.query<StoredRow>('SELECT state AS bytes, checksum FROM documents WHERE name = $1', [name]);
        const updates = await client.query<StoredRow>(
          'SELECT data AS bytes, checksum FROM document_updates WHERE name = $1 ORDER BY seq',
          [name],
        );
        await client.query('COMMIT');
        const stateRow = state.rows[0];
        return [...(stateRow ? [stateRow] : []), ...updates.rows].map((row, index) =>
          verifiedBytes(row, index === 0 && stateRow ? `Stored state of ${name}` : `A stored update of ${name}`),
        );
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    return this.appends.add(name, update);
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    try {
      assertCompleteUpdate(state, `The compacted state of ${name}`);
    } catch (error) {
      return Promise.reject(error);
    }
    this.appends.flush();
    return this.queue.run(() =>
      this.inTransaction(async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('plan-editor:compact'), hashtext($1))", [name]);
        const stored = await client.query<StoredRow>('SELECT state AS bytes, checksum FROM documents WHERE name = $1', [name]);
        const rows = await client.query<StoredRow & { seq: string }>(
          'SELECT seq, data AS bytes, checksum FROM document_updates WHERE name = $1 ORDER BY seq',
          [name],
        );
        const lastSeq = rows.rows.at(-1)?.seq;
        // The stored state too: an earlier compaction by another instance may have folded in
        // updates this caller never received.
        const merged = Y.mergeUpdates([
          ...stored.rows.map((row) => verifiedBytes(row, `Stored state of ${name}`)),
          state,
          ...rows.rows.map((row) => verifiedBytes(row, `A stored update of ${name}`)),
        ]);
        await client.query(
          `INSERT INTO documents (name, state, checksum, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, checksum = excluded.checksum, updated_at = excluded.updated_at`,
          [name, Buffer.from(merged), crc32(merged), Date.now()],
        );
        if (lastSeq !== undefined) await client.query('DELETE FROM document_updates WHERE name = $1 AND seq <= $2', [name, lastSeq]);
      }),
    );
  }

  /**
   * On a connection of its own, not the pool's: `work` appends through the pool, and several
   * plans upgrading at once must not hold every pooled connection while waiting for one.
   */
  async exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (this.isClosed) throw closedError();
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext('plan-editor:exclusive'), hashtext($1))", [name]);
      return await work();
    } finally {
      // Ending the session releases the lock too, also when the unlock cannot be sent.
      await client.end().catch(() => undefined);
    }
  }

  /** For /api/health: one round trip to the server, outside the write queue. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.appends.flush();
    this.isClosed = true;
    await this.queue.idle();
    await this.pool.end();
  }

  private async inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function insertUpdates(client: pg.PoolClient, batch: PendingAppend[]): Promise<void> {
  const now = Date.now();
  for (let start = 0; start < batch.length; start += ROWS_PER_INSERT) {
    const rows = batch.slice(start, start + ROWS_PER_INSERT);
    const placeholders = rows.map((_, index) => `($${index * 4 + 1}, $${index * 4 + 2}, $${index * 4 + 3}, $${index * 4 + 4})`).join(', ');
    const params = rows.flatMap((row) => [row.name, Buffer.from(row.update), crc32(row.update), now]);
    await client.query(`INSERT INTO document_updates (name, data, checksum, created_at) VALUES ${placeholders}`, params);
  }
}

function verifiedBytes(row: StoredRow, description: string): Uint8Array {
  const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  if (row.checksum === null) assertCompleteUpdate(bytes, description);
  else if (crc32(bytes) !== Number(row.checksum)) throw new Error(`${description} is damaged: its bytes no longer match the checksum written with them`);
  return bytes;
}

function closedError(): Error {
  return new Error('Document store is closed');
}

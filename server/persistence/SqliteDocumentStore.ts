import * as Y from 'yjs';
import { crc32 } from 'node:zlib';
import type { DocumentStore } from './DocumentStore.js';
import { SqliteDatabase } from './sqlite.js';
import { SerialQueue } from './SerialQueue.js';
import { GroupCommit, type PendingAppend } from './GroupCommit.js';
import { migrate } from './migrate.js';
import { assertCompleteUpdate } from './assertCompleteUpdate.js';
import { WalFileFlush } from './WalFileFlush.js';
import { UpdateJournal, type JournalEntry } from './UpdateJournal.js';

export type SynchronousMode = 'FULL' | 'NORMAL';

export interface SqliteDocumentStoreOptions {
  /** Path of the SQLite file. */
  filename: string;
  /**
   * What `flushToDisk` promises. Either way an append is committed into the WAL without an fsync
   * (it survives the process being killed); FULL then forces the WAL to disk in `flushToDisk`, so
   * what is confirmed also survives power loss; NORMAL leaves that to SQLite's checkpoints.
   */
  synchronous?: SynchronousMode;
  /**
   * Whether this store owns the update journal next to the file (`appendCrashSafe`): the server's
   * store does. Any store that opens the file commits what a killed owner left in the journal.
   */
  journal?: boolean;
}

/** The update journal of a database file (UpdateJournal). */
export function journalPathOf(filename: string): string {
  return `${filename}.updates-journal`;
}

/** A journaled update whose commit failed is committed again after this, then twice as long each time. */
const RECOMMIT_FIRST_MS = 1_000;
const RECOMMIT_MAX_MS = 30_000;

// SQLite allows 32766 bound parameters per statement; 4 per row.
const ROWS_PER_INSERT = 2000;

interface StoredRow {
  bytes: Buffer;
  checksum: number | null;
}

/**
 * DocumentStore on one SQLite file in WAL mode. Appends that arrive in the same
 * event-loop turn (or while the previous commit runs) share one transaction:
 * group commit keeps the cost of "committed before broadcast" low under load.
 * Commits do not fsync (`synchronous=NORMAL`); `flushToDisk` does, off the
 * broadcast's path (docs/architecture.md, "What survives what").
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly queue = new SerialQueue();
  // One INSERT is a transaction of its own: the common batch costs one statement (one trip to
  // SQLite's thread) instead of BEGIN, INSERT and COMMIT.
  private readonly appends = new GroupCommit(this.queue, (batch) =>
    batch.length <= ROWS_PER_INSERT ? this.insertUpdates(batch) : this.inTransaction(() => this.insertUpdates(batch)),
  );
  private isClosed = false;
  /** Journaled updates not yet committed, by document: loads must include them. */
  private readonly journaled = new Map<string, Set<Uint8Array>>();

  private constructor(
    private readonly database: SqliteDatabase,
    private readonly walFlush: WalFileFlush | null,
    private readonly journal: UpdateJournal | null,
  ) {}

  static async open(options: SqliteDocumentStoreOptions): Promise<SqliteDocumentStore> {
    const database = await SqliteDatabase.open(options.filename);
    try {
      await database.exec(`
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA busy_timeout = 5000;
      `);
      await migrate(database);
      await commitRecovered(database, UpdateJournal.recover(journalPathOf(options.filename)));
    } catch (error) {
      await database.close().catch(() => undefined);
      throw error;
    }
    const walFlush = (options.synchronous ?? 'FULL') === 'FULL' ? new WalFileFlush(options.filename) : null;
    // Emptied only now that what it held is committed.
    const journal = options.journal === true ? UpdateJournal.open(journalPathOf(options.filename)) : null;
    return new SqliteDocumentStore(database, walFlush, journal);
  }

  async load(name: string): Promise<Uint8Array | null> {
    const parts = await this.loadParts(name);
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
  }

  /**
   * Rows written by this store carry the CRC-32 of their bytes, which were a
   * complete Yjs update when written (checked in appendUpdate and compact):
   * a matching checksum proves they still are, at a fraction of the cost of
   * walking 1.3 MB (docs/performance.md). Rows without one are walked.
   */
  loadParts(name: string): Promise<Uint8Array[]> {
    if (this.isClosed) return Promise.reject(closedError());
    this.appends.flush();
    return this.queue.run(async () => {
      const stateRow = await this.database.get<StoredRow>('SELECT state AS bytes, checksum FROM documents WHERE name = ?', [name]);
      const updateRows = await this.database.all<StoredRow>(
        'SELECT data AS bytes, checksum FROM document_updates WHERE name = ? ORDER BY seq',
        [name],
      );
      const stored = [...(stateRow ? [stateRow] : []), ...updateRows].map((row, index) =>
        verifiedBytes(row, index === 0 && stateRow ? `Stored state of ${name}` : `A stored update of ${name}`),
      );
      // Peers may have these already; one committed meanwhile is here twice, which Yjs ignores.
      return [...stored, ...(this.journaled.get(name) ?? [])];
    });
  }

  appendUpdate(name: string, update: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    return this.appends.add(name, update);
  }

  appendCrashSafe(name: string, update: Uint8Array): Promise<void> | null {
    const journal = this.journal;
    if (this.isClosed || journal === null) return null;
    try {
      // Never journal what recovery could not commit.
      assertCompleteUpdate(update, `An update for ${name}`);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!journal.record(name, update)) return null;
    const waiting = this.journaled.get(name) ?? new Set<Uint8Array>();
    waiting.add(update);
    this.journaled.set(name, waiting);
    const commit = (): Promise<void> =>
      this.appends.add(name, update).then(() => {
        waiting.delete(update);
        if (waiting.size === 0 && this.journaled.get(name) === waiting) this.journaled.delete(name);
        journal.committed();
      });
    return commit().catch((error: unknown) => {
      // Its peers have it: it stays journaled (and in loads) and is committed again until that works.
      this.recommitLater(commit, RECOMMIT_FIRST_MS);
      throw error;
    });
  }

  private recommitLater(commit: () => Promise<void>, delayMs: number): void {
    setTimeout(() => {
      if (this.isClosed) return; // the next start commits it from the journal
      commit().catch(() => this.recommitLater(commit, Math.min(RECOMMIT_MAX_MS, delayMs * 2)));
    }, delayMs).unref();
  }

  flushToDisk(): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    return this.walFlush?.flush() ?? Promise.resolve();
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(closedError());
    try {
      assertCompleteUpdate(state, `The compacted state of ${name}`);
    } catch (error) {
      return Promise.reject(error);
    }
    // Appends made before this call must commit first, so that the DELETE
    // below only removes rows that `state` already contains.
    this.appends.flush();
    return this.queue.run(() =>
      this.inTransaction(async () => {
        await this.database.run(
          `INSERT INTO documents (name, state, checksum, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, checksum = excluded.checksum, updated_at = excluded.updated_at`,
          [name, Buffer.from(state), crc32(state), Date.now()],
        );
        await this.database.run('DELETE FROM document_updates WHERE name = ?', [name]);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.appends.flush();
    this.isClosed = true;
    await this.queue.idle();
    // Whatever was committed last reaches the disk even if another connection keeps the WAL open.
    await this.walFlush?.flush();
    await this.walFlush?.close();
    this.journal?.close();
    await this.database.close();
  }

  private async insertUpdates(batch: PendingAppend[]): Promise<void> {
    const now = Date.now();
    for (let start = 0; start < batch.length; start += ROWS_PER_INSERT) {
      const rows = batch.slice(start, start + ROWS_PER_INSERT);
      const placeholders = rows.map(() => '(?, ?, ?, ?)').join(', ');
      const params = rows.flatMap((row) => [row.name, Buffer.from(row.update), crc32(row.update), now]);
      await this.database.run(
        `INSERT INTO document_updates (name, data, checksum, created_at) VALUES ${placeholders}`,
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

/** What a killed owner journaled, committed before anything else reads the file (it may be there already: Yjs ignores repeats). */
async function commitRecovered(database: SqliteDatabase, entries: JournalEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = Date.now();
  await database.run('BEGIN IMMEDIATE');
  try {
    for (const { name, update } of entries) {
      await database.run('INSERT INTO document_updates (name, data, checksum, created_at) VALUES (?, ?, ?, ?)', [
        name,
        Buffer.from(update),
        crc32(update),
        now,
      ]);
    }
    await database.run('COMMIT');
  } catch (error) {
    await database.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function verifiedBytes(row: StoredRow, description: string): Uint8Array {
  const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  if (row.checksum === null) assertCompleteUpdate(bytes, description);
  else if (crc32(bytes) !== row.checksum) throw new Error(`${description} is damaged: its bytes no longer match the checksum written with them`);
  return bytes;
}

function closedError(): Error {
  return new Error('Document store is closed');
}

import sqlite3 from 'sqlite3';
import { SerialQueue } from './SerialQueue.js';

/** What a transaction body may call: the same statements, inside the transaction. */
export interface SqliteExecutor {
  run(sql: string, params?: unknown[]): Promise<{ changes: number; lastID: number }>;
  get<Row>(sql: string, params?: unknown[]): Promise<Row | undefined>;
  all<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * How many prepared statements `run` keeps. The document store's appends use a handful of SQL
 * texts (an INSERT per row count seen, BEGIN, COMMIT); a bound keeps one-off statements from
 * piling up.
 */
const MAX_PREPARED_STATEMENTS = 32;
/**
 * Only statements that return no rows are kept prepared: sqlite3 resets a statement before its
 * next run, not after this one, and a kept statement stopped at a row would hold its read
 * snapshot open (and with it the WAL against checkpoints).
 */
const RETURNS_NO_ROWS = /^\s*(INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK)\b/i;

function isKeptPrepared(sql: string): boolean {
  return RETURNS_NO_ROWS.test(sql) && !/\bRETURNING\b/i.test(sql);
}

/**
 * A minimal promise wrapper over one sqlite3 connection. Statements run one
 * at a time, and a transaction holds the connection until it ends, so no
 * other caller's statement can land inside it.
 */
export class SqliteDatabase implements SqliteExecutor {
  private readonly queue = new SerialQueue();
  /**
   * `run`'s statements by SQL text, prepared once: sqlite3's `Database#run` prepares and finalizes
   * a statement on every call, which for the append of every turn (one INSERT) was most of the
   * main thread's time in sqlite3. sqlite3 runs the calls on one statement in order, so two
   * runs of the same text never interleave.
   */
  private readonly prepared = new Map<string, Promise<sqlite3.Statement>>();
  private readonly direct: SqliteExecutor = {
    run: (sql, params = []) => this.rawRun(sql, params),
    get: <Row>(sql: string, params: unknown[] = []) => this.rawGet<Row>(sql, params),
    all: <Row>(sql: string, params: unknown[] = []) => this.rawAll<Row>(sql, params),
  };

  private constructor(private readonly database: sqlite3.Database) {}

  static open(filename: string): Promise<SqliteDatabase> {
    return new Promise((resolve, reject) => {
      const database = new sqlite3.Database(filename, (error) => {
        if (error) reject(error);
        else resolve(new SqliteDatabase(database));
      });
    });
  }

  run(sql: string, params: unknown[] = []): Promise<{ changes: number; lastID: number }> {
    return this.queue.run(() => this.rawRun(sql, params));
  }

  get<Row>(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return this.queue.run(() => this.rawGet<Row>(sql, params));
  }

  all<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.queue.run(() => this.rawAll<Row>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.queue.run(() => this.rawExec(sql));
  }

  /** Runs `work` in BEGIN IMMEDIATE … COMMIT, rolling back if it throws. */
  transaction<T>(work: (executor: SqliteExecutor) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.rawRun('BEGIN IMMEDIATE', []);
      try {
        const result = await work(this.direct);
        await this.rawRun('COMMIT', []);
        return result;
      } catch (error) {
        await this.rawRun('ROLLBACK', []).catch(() => undefined);
        throw error;
      }
    });
  }

  private async rawRun(sql: string, params: unknown[]): Promise<{ changes: number; lastID: number }> {
    if (!isKeptPrepared(sql)) return this.runOnce(sql, params);
    const preparing = this.preparedStatement(sql);
    const statement = await preparing;
    return new Promise((resolve, reject) => {
      statement.run(params, (error: Error | null) => {
        if (error) {
          // Dropped, so that the next call starts from a fresh statement.
          if (this.prepared.get(sql) === preparing) this.prepared.delete(sql);
          statement.finalize();
          reject(error);
        } else {
          // sqlite3 sets these on the statement (the callback's `this`) after each run.
          const result = statement as unknown as { changes: number; lastID: number };
          resolve({ changes: result.changes, lastID: result.lastID });
        }
      });
    });
  }

  private runOnce(sql: string, params: unknown[]): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.database.run(sql, params, function onRun(error) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  private preparedStatement(sql: string): Promise<sqlite3.Statement> {
    const cached = this.prepared.get(sql);
    if (cached !== undefined) {
      // Most recently used last, so the first entry is the one to evict.
      this.prepared.delete(sql);
      this.prepared.set(sql, cached);
      return cached;
    }
    // Waited for: sqlite3 never answers the runs queued on a statement that failed to prepare.
    const preparing = new Promise<sqlite3.Statement>((resolve, reject) => {
      const statement = this.database.prepare(sql, (error: Error | null) => (error ? reject(error) : resolve(statement)));
    });
    this.prepared.set(sql, preparing);
    preparing.catch(() => {
      if (this.prepared.get(sql) === preparing) this.prepared.delete(sql);
    });
    if (this.prepared.size > MAX_PREPARED_STATEMENTS) {
      const [oldestSql, oldest] = this.prepared.entries().next().value as [string, Promise<sqlite3.Statement>];
      this.prepared.delete(oldestSql);
      // A run already given it finishes first: sqlite3 queues the finalize behind it.
      oldest.then((statement) => statement.finalize(), () => undefined);
    }
    return preparing;
  }

  private rawGet<Row>(sql: string, params: unknown[]): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.database.get(sql, params, (error, row) => {
        if (error) reject(error);
        else resolve(row as Row | undefined);
      });
    });
  }

  private rawAll<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      this.database.all(sql, params, (error, rows) => {
        if (error) reject(error);
        else resolve(rows as Row[]);
      });
    });
  }

  private rawExec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.database.exec(sql, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }

  close(): Promise<void> {
    return this.queue.run(() => this.rawClose());
  }

  private async rawClose(): Promise<void> {
    // sqlite3 refuses to close a connection with statements left unfinalized.
    const statements = await Promise.allSettled([...this.prepared.values()]);
    this.prepared.clear();
    const finalizing = statements.flatMap((prepared) => (prepared.status === 'fulfilled' ? [prepared.value] : []));
    await Promise.all(finalizing.map((statement) => new Promise<void>((resolve) => statement.finalize(() => resolve()))));
    return new Promise((resolve, reject) => {
      this.database.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }
}

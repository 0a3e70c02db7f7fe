import sqlite3 from 'sqlite3';
import { SerialQueue } from './SerialQueue.js';

/** What a transaction body may call: the same statements, inside the transaction. */
export interface SqliteExecutor {
  run(sql: string, params?: unknown[]): Promise<{ changes: number; lastID: number }>;
  get<Row>(sql: string, params?: unknown[]): Promise<Row | undefined>;
  all<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * A minimal promise wrapper over one sqlite3 connection. Statements run one
 * at a time, and a transaction holds the connection until it ends, so no
 * other caller's statement can land inside it.
 */
export class SqliteDatabase implements SqliteExecutor {
  private readonly queue = new SerialQueue();
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

  private rawRun(sql: string, params: unknown[]): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.database.run(sql, params, function onRun(error) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
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

  private rawClose(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.database.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }
}

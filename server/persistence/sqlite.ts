import sqlite3 from 'sqlite3';

/** A minimal promise wrapper over one sqlite3 connection. */
export class SqliteDatabase {
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
    return new Promise((resolve, reject) => {
      this.database.run(sql, params, function onRun(error) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<Row>(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.database.get(sql, params, (error, row) => {
        if (error) reject(error);
        else resolve(row as Row | undefined);
      });
    });
  }

  all<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      this.database.all(sql, params, (error, rows) => {
        if (error) reject(error);
        else resolve(rows as Row[]);
      });
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.database.exec(sql, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.database.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }
}

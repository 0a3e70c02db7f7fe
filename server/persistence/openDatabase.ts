import { SqliteDatabase } from './sqlite.js';
import { migrate } from './migrate.js';

/** Opens a connection to the app's SQLite file in WAL mode with the schema up to date. */
export async function openDatabase(filename: string): Promise<SqliteDatabase> {
  const database = await SqliteDatabase.open(filename);
  try {
    await database.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA busy_timeout = 5000;
      PRAGMA foreign_keys = ON;
    `);
    await migrate(database);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}

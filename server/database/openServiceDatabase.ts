import type sqlite3 from 'sqlite3';
import type { SynchronousMode } from '../persistence/SqliteDocumentStore.js';
import { migrate } from '../persistence/migrate.js';
import { SqliteDatabase } from '../persistence/sqlite.js';
import { DeferredServiceDatabase } from './DeferredServiceDatabase.js';
import { KnexServiceDatabase } from './KnexServiceDatabase.js';
import type { ServiceDatabase } from './ServiceDatabase.js';

export interface ServiceDatabaseConfig {
  /** `postgres://…`: PostgreSQL; absent: the SQLite file. */
  databaseUrl?: string | null;
  filename: string;
  synchronous: SynchronousMode;
  /** PostgreSQL connections kept by this instance's pool. */
  maxConnections?: number;
}

/** The services' database with its schema up to date: PostgreSQL when a URL is given, else the SQLite file. */
export async function openServiceDatabase(config: ServiceDatabaseConfig): Promise<ServiceDatabase> {
  if (!config.databaseUrl) return openSqlite(config.filename, config.synchronous);
  // Loaded only when configured: the embedded default never pays for the pg driver (memory, start time).
  const { openPostgresServiceDatabase } = await import('./openPostgresServiceDatabase.js');
  return openPostgresServiceDatabase(config.databaseUrl, config.maxConnections ?? 10);
}

/**
 * The schema is brought up to date now, before anything can query it, on a connection of its own
 * (sqlite3 is loaded anyway, the document store uses it); knex and its connection come with the
 * first statement (DeferredServiceDatabase), so an idle server never evaluates knex.
 */
async function openSqlite(filename: string, synchronous: SynchronousMode): Promise<ServiceDatabase> {
  await migrateSqliteFile(filename, synchronous);
  return new DeferredServiceDatabase('sqlite', () => connectKnexSqlite(filename, synchronous));
}

async function migrateSqliteFile(filename: string, synchronous: SynchronousMode): Promise<void> {
  const database = await SqliteDatabase.open(filename);
  try {
    await database.exec(connectionPragmas(synchronous));
    await migrate(database);
  } finally {
    await database.close();
  }
}

async function connectKnexSqlite(filename: string, synchronous: SynchronousMode): Promise<ServiceDatabase> {
  const { default: knex } = await import('knex');
  const connection = knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    // One connection: statements run in order and a transaction holds it to the end, as before knex.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (database: sqlite3.Database, done: (error: Error | null, database: sqlite3.Database) => void) => {
        database.exec(connectionPragmas(synchronous), (error) => done(error, database));
      },
    },
  });
  return new KnexServiceDatabase(connection, 'sqlite');
}

function connectionPragmas(synchronous: SynchronousMode): string {
  return `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;`;
}

import knex from 'knex';
import type sqlite3 from 'sqlite3';
import type { SynchronousMode } from '../persistence/SqliteDocumentStore.js';
import { migrate, type SqliteMigrationTarget } from '../persistence/migrate.js';
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

async function openSqlite(filename: string, synchronous: SynchronousMode): Promise<ServiceDatabase> {
  const connection = knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    // One connection: statements run in order and a transaction holds it to the end, as before knex.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (database: sqlite3.Database, done: (error: Error | null, database: sqlite3.Database) => void) => {
        database.exec(
          `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;`,
          (error) => done(error, database),
        );
      },
    },
  });
  try {
    // Multi-statement migrations need sqlite3's exec, which knex does not expose: use its connection.
    const database = (await connection.client.acquireConnection()) as sqlite3.Database;
    try {
      await migrate(migrationTargetOf(database));
    } finally {
      await connection.client.releaseConnection(database);
    }
  } catch (error) {
    await connection.destroy().catch(() => undefined);
    throw error;
  }
  return new KnexServiceDatabase(connection, 'sqlite');
}

function migrationTargetOf(database: sqlite3.Database): SqliteMigrationTarget {
  return {
    get: <Row>(sql: string) =>
      new Promise<Row | undefined>((resolve, reject) => database.get(sql, (error, row) => (error ? reject(error) : resolve(row as Row | undefined)))),
    exec: (sql: string) => new Promise<void>((resolve, reject) => database.exec(sql, (error) => (error ? reject(error) : resolve()))),
  };
}

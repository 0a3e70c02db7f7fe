import knex, { type Knex } from 'knex';
import pg from 'pg';
import type sqlite3 from 'sqlite3';
import type { SynchronousMode } from '../persistence/SqliteDocumentStore.js';
import { migrate, type SqliteMigrationTarget } from '../persistence/migrate.js';
import { migratePostgres } from '../persistence/postgres/documentMigrations.js';
import { SERVICE_MIGRATIONS } from './postgres/serviceMigrations.js';
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

const PG_INT8 = 20;

/** The services' database with its schema up to date: PostgreSQL when a URL is given, else the SQLite file. */
export function openServiceDatabase(config: ServiceDatabaseConfig): Promise<ServiceDatabase> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.maxConnections ?? 10) : openSqlite(config.filename, config.synchronous);
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

async function openPostgres(connectionString: string, maxConnections: number): Promise<ServiceDatabase> {
  const migrations = new pg.Pool({ connectionString, max: 1 });
  migrations.on('error', () => undefined);
  try {
    await migratePostgres(migrations, 'services', SERVICE_MIGRATIONS);
  } finally {
    await migrations.end();
  }
  const connection: Knex = knex({
    client: 'pg',
    connection: {
      connectionString,
      // bigint (epoch milliseconds, COUNT(*), seq) as a number, like SQLite: every value stays below 2^53.
      types: {
        getTypeParser: (oid: number, format: string): unknown => {
          if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
          return oid === PG_INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, 'text');
        },
      },
    },
    pool: { min: 0, max: maxConnections },
  });
  return new KnexServiceDatabase(connection, 'postgres');
}

function migrationTargetOf(database: sqlite3.Database): SqliteMigrationTarget {
  return {
    get: <Row>(sql: string) =>
      new Promise<Row | undefined>((resolve, reject) => database.get(sql, (error, row) => (error ? reject(error) : resolve(row as Row | undefined)))),
    exec: (sql: string) => new Promise<void>((resolve, reject) => database.exec(sql, (error) => (error ? reject(error) : resolve()))),
  };
}

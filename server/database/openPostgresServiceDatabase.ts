import knex, { type Knex } from 'knex';
import pg from 'pg';
import { migratePostgres } from '../persistence/postgres/documentMigrations.js';
import { SERVICE_MIGRATIONS } from './postgres/serviceMigrations.js';
import { KnexServiceDatabase } from './KnexServiceDatabase.js';
import type { ServiceDatabase } from './ServiceDatabase.js';

const PG_INT8 = 20;

/** The services' database on PostgreSQL, its schema migrated under the advisory lock first. */
export async function openPostgresServiceDatabase(connectionString: string, maxConnections: number): Promise<ServiceDatabase> {
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

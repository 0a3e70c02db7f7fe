import type pg from 'pg';

/**
 * The PostgreSQL tables of the document store, and only those: every store keeps its own list
 * under its own name in `schema_migrations`, so stores can be deployed and migrated separately.
 */
const DOCUMENT_MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     name text PRIMARY KEY,
     state bytea NOT NULL,
     checksum bigint,
     updated_at bigint NOT NULL
   );
   CREATE TABLE document_updates (
     seq bigserial PRIMARY KEY,
     name text NOT NULL,
     data bytea NOT NULL,
     checksum bigint,
     created_at bigint NOT NULL
   );
   CREATE INDEX document_updates_by_name ON document_updates (name, seq);`,
];

export function migratePostgresDocumentTables(pool: pg.Pool): Promise<void> {
  return migratePostgres(pool, 'documents', DOCUMENT_MIGRATIONS);
}

/**
 * Applies the migrations of `component` not applied yet, each in its own transaction. Instances
 * starting at the same time wait on one advisory lock, so each migration runs exactly once.
 */
export async function migratePostgres(pool: pg.Pool, component: string, migrations: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('plan-editor:migrate'))");
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (component text PRIMARY KEY, version integer NOT NULL)');
      const row = await client.query<{ version: number }>('SELECT version FROM schema_migrations WHERE component = $1', [component]);
      const applied = row.rows[0]?.version ?? 0;
      if (applied > migrations.length) {
        throw new Error(`The ${component} tables are at schema version ${applied}, newer than this server (${migrations.length})`);
      }
      for (let index = applied; index < migrations.length; index++) {
        await client.query('BEGIN');
        try {
          await client.query(migrations[index] ?? '');
          await client.query(
            `INSERT INTO schema_migrations (component, version) VALUES ($1, $2)
             ON CONFLICT (component) DO UPDATE SET version = excluded.version`,
            [component, index + 1],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('plan-editor:migrate'))").catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

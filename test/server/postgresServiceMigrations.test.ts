import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openServiceDatabase } from '../../server/database/openServiceDatabase.js';
import { SERVICE_MIGRATIONS } from '../../server/database/postgres/serviceMigrations.js';
import { PostgresDocumentStore } from '../../server/persistence/PostgresDocumentStore.js';
import { privatePostgres } from '../helpers/clusterBackends.js';

const backend = privatePostgres();

const open = (databaseUrl: string) => openServiceDatabase({ databaseUrl, filename: 'unused.sqlite', synchronous: 'FULL', maxConnections: 2 });

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the services' PostgreSQL migrations", () => {
  it('run once when four instances start at the same moment, beside the document store', async () => {
    const url = await backend.postgres.createDatabase();
    const opened = await Promise.all([
      ...Array.from({ length: 4 }, () => open(url)),
      PostgresDocumentStore.open({ connectionString: url, maxConnections: 1 }),
    ]);
    await Promise.all(opened.map((database) => database.close()));
    const versions = await query<{ component: string; version: number }>(url, 'SELECT component, version FROM schema_migrations ORDER BY component');
    expect(versions).toEqual([
      { component: 'documents', version: 1 },
      { component: 'services', version: SERVICE_MIGRATIONS.length },
    ]);
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['users', 'sessions', 'workspaces', 'memberships', 'invitations', 'plans', 'comment_threads', 'comments', 'proposal_events', 'plan_versions', 'version_exports', 'consultations', 'consultation_remarks']),
    );
  });

  it('keep emails unique whatever their case', async () => {
    const url = await backend.postgres.createDatabase();
    const database = await open(url);
    try {
      await database.run("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('a', 'ola@example.pl', 'Ola', 'x', 1)");
      await expect(database.run("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('b', 'OLA@example.pl', 'Ola', 'x', 1)")).rejects.toMatchObject({ code: '23505' });
    } finally {
      await database.close();
    }
  });

  it('refuse a database migrated by a newer server, saying so', async () => {
    const url = await backend.postgres.createDatabase();
    await (await open(url)).close();
    await query(url, `UPDATE schema_migrations SET version = ${SERVICE_MIGRATIONS.length + 1} WHERE component = 'services'`);
    await expect(open(url)).rejects.toThrow(/services tables are at schema version \d+, newer than this server/);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../server/persistence/sqlite.js';
import { migrations } from '../../server/persistence/migrations/index.js';
import { PasswordHasher } from '../../server/accounts/PasswordHasher.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { anonymousClient, TEST_PASSWORD } from '../helpers/apiClient.js';
import { plansDatabasePath } from '../helpers/RawDocumentDatabase.js';

/** The last schema written by the sqlite3-wrapper services, before the knex data layer. */
const SCHEMA_BEFORE_KNEX = 10;

const directories: string[] = [];
afterAll(() => Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true }))));

describe('a SQLite file written before the knex data layer', () => {
  it('opens, migrates to the current schema, and its accounts and workspaces still work', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'service-upgrade-'));
    directories.push(dataDir);
    const old = await SqliteDatabase.open(plansDatabasePath(dataDir));
    for (let index = 0; index < SCHEMA_BEFORE_KNEX; index++) await old.exec(`BEGIN; ${migrations[index]} PRAGMA user_version = ${index + 1}; COMMIT;`);
    const passwordHash = await new PasswordHasher({ maxConcurrent: 1, maxQueued: 1 }).hash(TEST_PASSWORD);
    await old.run("INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u-old', 'Ewa@Example.pl', 'Ewa', ?, 1)", [passwordHash]);
    await old.run("INSERT INTO workspaces (id, name, description, created_by, created_at) VALUES ('w-old', 'Zespół sprzed zmiany', '', 'u-old', 2)");
    await old.run("INSERT INTO memberships (workspace_id, user_id, role, joined_at) VALUES ('w-old', 'u-old', 'chair', 2)");
    await old.close();

    const server = await startTestServer({ dataDir, authenticate: 'sessions' });
    const ewa = anonymousClient(server);
    // Stored with capitals (the column was COLLATE NOCASE): still found, as lower(email) now.
    const login = await ewa.request('POST', '/auth/login', { email: 'ewa@example.pl', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const workspaces = await ewa.request<{ workspaces: Array<{ id: string; name: string; role: string }> }>('GET', '/workspaces');
    expect(workspaces.body.workspaces.map(({ id, name, role }) => ({ id, name, role }))).toEqual([{ id: 'w-old', name: 'Zespół sprzed zmiany', role: 'chair' }]);
    const taken = await anonymousClient(server).request<{ error: { code: string } }>('POST', '/auth/register', { email: 'EWA@example.pl', password: TEST_PASSWORD, name: 'Druga Ewa' });
    expect(taken.body.error.code).toBe('emailTaken');
    await server.close();

    const upgraded = await SqliteDatabase.open(plansDatabasePath(dataDir));
    expect(await upgraded.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(migrations.length).toBeGreaterThan(SCHEMA_BEFORE_KNEX);
    expect(await upgraded.get("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'users_by_lower_email'")).toEqual({ name: 'users_by_lower_email' });
    await upgraded.close();
  });
});

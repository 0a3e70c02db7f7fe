import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { registerUser } from '../helpers/apiClient.js';
import { connectClient, fragmentText, waitForSync } from '../helpers/connectClient.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { startServerProcess } from '../helpers/startServerProcess.js';
import { waitFor } from '../helpers/waitFor.js';
import { PostgresCluster } from '../helpers/PostgresCluster.js';

// Production runs the esbuild output of `npm run build` with plain Node, no tsx. Bundling can
// break what type checks and tsx runs never see (a package reading files next to itself, a
// lazily loaded chunk), so this starts the real build and uses every layer through it.
describe('the compiled server', () => {
  let workDir: string;
  let outDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'compiled-server-'));
    // Inside the project, so that the packages left outside the bundle resolve from node_modules.
    outDir = await mkdtemp(path.join('dist', 'server-test-'));
    await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', outDir]);
  }, 60_000);
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  });

  it('starts from the build and serves the client, the API, exports and /collab', async () => {
    const server = await startServerProcess({ dataDir: path.join(workDir, 'data'), entry: [path.join(outDir, 'main.js')] });

    const page = await fetch(`${server.httpUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const chair = await registerUser(server, 'Anna');
    const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
    const imported = await importSamplePlan(chair, workspace.body.workspace.id);
    expect(imported.status).toBe(201);
    const planId = imported.body.id;

    // The office renderers live in chunks loaded on first use.
    for (const [format, magic] of [['docx', 'PK'], ['pdf', '%PDF']] as const) {
      const response = await fetch(`${server.httpUrl}/api/plans/${planId}/export?format=${format}`, { headers: { cookie: chair.cookie ?? '' } });
      expect(response.status, `${format} export`).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }

    const headers = { cookie: chair.cookie ?? '' };
    const writer = connectClient(server.collabUrl, planId, { name: 'Anna', headers });
    const reader = connectClient(server.collabUrl, planId, { name: 'Anna', headers });
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    expect(writer.content.length).toBeGreaterThan(0);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('z kompilatu')]);
    writer.content.push([paragraph]);
    await waitFor(() => fragmentText(reader.content).includes('z kompilatu'), { message: 'the reader never saw the edit' });

    const exit = await server.stop('SIGTERM');
    expect(exit.code).toBe(0);
  }, 60_000);

  // knex and pg are bundled too, with the drivers of other databases left out (build-server.mjs).
  it('stores in PostgreSQL from the build when DATABASE_URL is set, and keeps it over a restart', async () => {
    const cluster = await PostgresCluster.start();
    try {
      const env = { DATABASE_URL: await cluster.createDatabase() };
      const dataDir = path.join(workDir, 'data-postgres');
      const first = await startServerProcess({ dataDir, env, entry: [path.join(outDir, 'main.js')] });
      const chair = await registerUser(first, 'Basia');
      const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół w PostgreSQL' });
      const imported = await importSamplePlan(chair, workspace.body.workspace.id);
      expect(imported.status).toBe(201);
      const headers = { cookie: chair.cookie ?? '' };
      const writer = connectClient(first.collabUrl, imported.body.id, { name: 'Basia', headers });
      const witness = connectClient(first.collabUrl, imported.body.id, { name: 'Basia', headers });
      await Promise.all([waitForSync(writer), waitForSync(witness)]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('w bazie PostgreSQL')]);
      writer.content.push([paragraph]);
      // The server forwards an update only once it is stored.
      await waitFor(() => fragmentText(witness.content).includes('w bazie PostgreSQL'), { message: 'the witness never saw the edit' });
      writer.destroy();
      witness.destroy();
      expect((await first.stop('SIGTERM')).code).toBe(0);

      const second = await startServerProcess({ dataDir, env, entry: [path.join(outDir, 'main.js')] });
      const plans = await fetch(`${second.httpUrl}/api/workspaces/${workspace.body.workspace.id}/plans`, { headers });
      expect(plans.status).toBe(200);
      const reader = connectClient(second.collabUrl, imported.body.id, { name: 'Basia', headers });
      await waitForSync(reader);
      expect(fragmentText(reader.content)).toContain('w bazie PostgreSQL');
      reader.destroy();
      expect((await second.stop('SIGTERM')).code).toBe(0);
      // Nothing went to a SQLite file beside it.
      expect(existsSync(path.join(dataDir, 'plans.sqlite'))).toBe(false);
      const database = new pg.Client({ connectionString: env.DATABASE_URL });
      await database.connect();
      const stored = await database.query<{ users: string; documents: string }>(
        'SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM document_updates) AS documents',
      );
      await database.end();
      expect(Number(stored.rows[0]?.users)).toBe(1);
      expect(Number(stored.rows[0]?.documents)).toBeGreaterThan(0);
    } finally {
      await cluster.stop();
    }
  }, 60_000);
});

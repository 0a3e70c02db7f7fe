import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sqlite3 from 'sqlite3';
import { startTestServer } from '../helpers/startTestServer.js';
import { registerUser, TEST_PASSWORD } from '../helpers/apiClient.js';
import { ANONYMOUS_BODY_LIMIT, AUTHENTICATED_BODY_LIMIT } from '../../server/http/sessionUser.js';

function countRows(file: string, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const database = new sqlite3.Database(file);
    database.get(sql, (error, row: { count: number } | undefined) => database.close(() => (error ? reject(error) : resolve(row?.count ?? 0))));
  });
}

/** A JSON body of about `bytes`, valid apart from its size. */
function bodyOf(bytes: number, fields: Record<string, string>): string {
  return JSON.stringify({ ...fields, padding: 'x'.repeat(bytes) });
}

describe('request body limits', () => {
  it('an oversized anonymous body is refused with 413 bodyTooLarge, ten at once, and nothing is stored', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const body = bodyOf(31 * 1024 * 1024, { email: 'duzy@example.pl', password: TEST_PASSWORD, name: 'Duży' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${server.httpUrl}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { error: { code: string } },
        })),
      ),
    );
    for (const response of responses) {
      expect(response.status).toBe(413);
      expect(response.body.error.code).toBe('bodyTooLarge');
    }
    expect(await countRows(path.join(server.dataDir, 'plans.sqlite'), 'SELECT COUNT(*) AS count FROM users')).toBe(0);
    // Just under the limit is still a normal request.
    const fits = await fetch(`${server.httpUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodyOf(ANONYMOUS_BODY_LIMIT - 1024, { email: 'maly@example.pl', password: TEST_PASSWORD, name: 'Mały' }),
    });
    expect(fits.status).toBe(201);
  }, 60_000);

  it('an authenticated route checks the session before reading the body: a big body without a session gets 401', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const body = bodyOf(20 * 1024 * 1024, { title: 'Plan', kind: 'regional' });
    const response = await fetch(`${server.httpUrl}/api/workspaces/any/plans/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  }, 60_000);

  it('a member may send more than a stranger, but not without bound', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const member = await registerUser(server, 'Anna');
    const created = await member.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół', description: 'x'.repeat(4000) });
    expect(created.status).toBe(201);
    const send = (bytes: number) =>
      fetch(`${server.httpUrl}/api/workspaces/${created.body.workspace.id}/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: member.cookie ?? '' },
        body: bodyOf(bytes, { title: 'Plan', kind: 'regional' }),
      });
    // Above the anonymous limit is fine for a member (the schema then ignores the padding)...
    expect((await send(ANONYMOUS_BODY_LIMIT * 2)).status).toBe(201);
    // ...above the member limit is not, and no plan is made of it.
    const tooBig = await send(AUTHENTICATED_BODY_LIMIT + 1024);
    expect(tooBig.status).toBe(413);
    const plans = await member.request<{ plans: unknown[] }>('GET', `/workspaces/${created.body.workspace.id}/plans`);
    expect(plans.body.plans).toHaveLength(1);
  }, 60_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { registerUser, type ApiClient } from '../helpers/apiClient.js';
import { EXPORT_FORMATS } from '../../server/export/ExportFormat.js';
import type { CommentThread } from '../../shared/deliberation/CommentThread.js';

let server: TestServer;
let team: TeamFixture;
let outsider: ApiClient;
let thread: CommentThread;

beforeAll(async () => {
  const shared = await startSharedTestServer({ authenticate: 'sessions' });
  server = shared.testServer;
  team = await createTeam(server, { chair: 'chair', anna: 'member' });
  outsider = await registerUser(server, 'outsider');
  // The outsider runs a team of their own, so they are a real member of something.
  await outsider.request('POST', '/workspaces', { name: 'Inny zespół' });
  const anywhere = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('x'), 0))).toString('base64');
  const created = await team.people.anna?.request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/threads`, {
    anchor: { kind: 'range', start: anywhere, end: anywhere, quote: 'x' },
    body: 'Uwaga',
  });
  if (created?.status !== 201) throw new Error(`thread not created: ${created?.status}`);
  thread = created.body.thread;
  return shared.dispose;
}, 60_000);

async function fetchAs(client: ApiClient | null, path: string): Promise<Response> {
  return fetch(`${server.httpUrl}${path}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
}

function directives(policy: string | null): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) parsed.set(name, values);
  }
  return parsed;
}

function expectCommonHeaders(response: Response): void {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
}

function expectAppPolicy(response: Response): void {
  const policy = directives(response.headers.get('content-security-policy'));
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${server.port}`]);
  for (const values of policy.values()) expect(values).not.toContain("'unsafe-eval'");
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
}

describe('security headers', () => {
  it('on the app shell at /', async () => {
    const response = await fetchAs(null, '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    // The shell itself has no inline script, which the policy would block.
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expectCommonHeaders(response);
    expectAppPolicy(response);
  });

  it('on a plan page and on a static asset', async () => {
    const page = await fetchAs(team.people.chair ?? null, `/plans/${team.planId}`);
    expect(page.status).toBe(200);
    expectCommonHeaders(page);
    expectAppPolicy(page);
    const html = await page.text();
    const script = /<script[^>]*src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetchAs(null, script ?? '');
    expect(asset.status).toBe(200);
    expectCommonHeaders(asset);
  });

  it('on /api answers, errors included', async () => {
    for (const [client, path, status] of [
      [team.people.chair ?? null, `/api/plans/${team.planId}`, 200],
      [null, '/api/me', 401],
      [null, '/api/health', 200],
      [outsider, `/api/plans/${team.planId}`, 404],
    ] as const) {
      const response = await fetchAs(client, path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expectCommonHeaders(response);
    }
  });

  it.each(EXPORT_FORMATS)('on a %s export: an attachment, never sniffed, nothing runs', async (format) => {
    const response = await fetchAs(team.people.chair ?? null, `/api/plans/${team.planId}/export?format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expectCommonHeaders(response);
    const policy = directives(response.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('sandbox')).toBe(true);
    expect(policy.get('script-src')).toBeUndefined();
    await response.arrayBuffer();
  });
});

describe('one 404 for "not yours" and "not there"', () => {
  const cases = (): Array<{ label: string; method: string; yours: string; missing: string; body?: unknown }> => [
    { label: 'plan', method: 'GET', yours: `/plans/${team.planId}`, missing: '/plans/no-such-plan' },
    { label: 'workspace', method: 'GET', yours: `/workspaces/${team.workspaceId}`, missing: '/workspaces/no-such-workspace' },
    { label: 'thread list', method: 'GET', yours: `/plans/${team.planId}/threads`, missing: '/plans/no-such-plan/threads' },
    { label: 'reply', method: 'POST', yours: `/threads/${thread.id}/comments`, missing: '/threads/no-such-thread/comments', body: { body: 'x' } },
    { label: 'resolve', method: 'POST', yours: `/threads/${thread.id}/resolve`, missing: '/threads/no-such-thread/resolve' },
    { label: 'edit comment', method: 'PATCH', yours: `/comments/${thread.comments[0]?.id}`, missing: '/comments/no-such-comment', body: { body: 'x' } },
    { label: 'delete comment', method: 'DELETE', yours: `/comments/${thread.comments[0]?.id}`, missing: '/comments/no-such-comment' },
    { label: 'export', method: 'GET', yours: `/plans/${team.planId}/export?format=json`, missing: '/plans/no-such-plan/export?format=json' },
    { label: 'versions', method: 'GET', yours: `/plans/${team.planId}/versions`, missing: '/plans/no-such-plan/versions' },
  ];

  it('for plans, workspaces, threads, comments, exports and versions of another team', async () => {
    for (const { label, method, yours, missing, body } of cases()) {
      const notYours = await outsider.request(method, yours, body);
      const notThere = await outsider.request(method, missing, body);
      expect(notYours.status, label).toBe(404);
      expect(notThere.status, label).toBe(404);
      expect(notYours.body, label).toEqual(notThere.body);
      expect(notYours.body, label).toEqual({ error: { code: 'notFound', message: 'Not found' } });
    }
    // Nothing was changed by the attempts.
    const listed = await team.people.chair?.request<{ threads: CommentThread[] }>('GET', `/plans/${team.planId}/threads`);
    expect(listed?.body.threads.find((candidate) => candidate.id === thread.id)?.comments).toEqual(thread.comments);
  });
});

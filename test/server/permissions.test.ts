import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer, type TestServer } from '../helpers/startTestServer.js';
import { anonymousClient, registerUser, type ApiClient } from '../helpers/apiClient.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { paragraphUpdate } from '../helpers/paragraphUpdate.js';
import { waitFor } from '../helpers/waitFor.js';
import { fragmentText } from '../helpers/connectClient.js';
import { MessageType } from '../../shared/protocol/messageType.js';
import * as decoding from 'lib0/decoding';

type Actor = 'chair' | 'secretary' | 'member' | 'expert' | 'observer' | 'outsider' | 'anonymous';
const ACTORS: Actor[] = ['chair', 'secretary', 'member', 'expert', 'observer', 'outsider', 'anonymous'];

interface Fixture {
  server: TestServer;
  clients: Record<Actor, ApiClient>;
  workspaceId: string;
  planId: string;
  targetUserId: string;
}

// One server for the whole matrix: creating accounts costs a scrypt hash each.
let fixture: Fixture;

async function storedText(server: TestServer, planId: string): Promise<string> {
  const document = await server.server.registry.peek(`plan/${planId}`);
  await document?.whenPersisted();
  const stored = await server.server.store.load(`plan/${planId}`);
  const doc = new Y.Doc();
  if (stored) Y.applyUpdate(doc, stored);
  return fragmentText(doc.getXmlFragment('content'));
}

beforeAll(async () => {
  const { testServer: server, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  const names = ['Chair', 'Secretary', 'Member', 'Expert', 'Observer', 'Outsider', 'Target'] as const;
  const registered = await Promise.all(names.map((name) => registerUser(server, name)));
  const [chair, secretary, member, expert, observer, outsider, target] = registered as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
  const workspaceId = workspace.body.workspace.id;
  await outsider.request('POST', '/workspaces', { name: 'Inny zespół' });
  const joiners: Array<[ApiClient, string]> = [[secretary, 'secretary'], [member, 'member'], [expert, 'expert'], [observer, 'observer'], [target, 'member']];
  for (const [joiner, role] of joiners) {
    const invitation = await chair.request<{ token: string }>('POST', `/workspaces/${workspaceId}/invitations`, { role });
    await joiner.request('POST', `/invitations/${invitation.body.token}/accept`);
  }
  const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspaceId}/plans`, { title: 'Plan', kind: 'local' });
  fixture = {
    server,
    clients: { chair, secretary, member, expert, observer, outsider, anonymous: anonymousClient(server) },
    workspaceId,
    planId: plan.body.id,
    targetUserId: target.userId ?? '',
  };
  return dispose;
}, 60_000);

interface RouteCase {
  name: string;
  call: (client: ApiClient) => Promise<number>;
  allowed: Actor[];
  /** Status for a team member without the permission, and for the others. */
  denied: { team: number; outsider: number; anonymous: number };
}

const MEMBERS: Actor[] = ['chair', 'secretary', 'member', 'expert', 'observer'];
const DENIED_READ = { team: 403, outsider: 404, anonymous: 401 };

const routes: RouteCase[] = [
  { name: 'GET /workspaces/:id', call: async (c) => (await c.request('GET', `/workspaces/${fixture.workspaceId}`)).status, allowed: MEMBERS, denied: DENIED_READ },
  { name: 'GET /workspaces/:id/plans', call: async (c) => (await c.request('GET', `/workspaces/${fixture.workspaceId}/plans`)).status, allowed: MEMBERS, denied: DENIED_READ },
  { name: 'GET /plans/:id', call: async (c) => (await c.request('GET', `/plans/${fixture.planId}`)).status, allowed: MEMBERS, denied: DENIED_READ },
  {
    name: 'POST /workspaces/:id/plans',
    call: async (c) => (await c.request('POST', `/workspaces/${fixture.workspaceId}/plans`, { title: 'X', kind: 'regional' })).status,
    allowed: ['chair', 'secretary'],
    denied: DENIED_READ,
  },
  {
    name: 'PATCH /plans/:id',
    call: async (c) => (await c.request('PATCH', `/plans/${fixture.planId}`, { title: 'Plan' })).status,
    allowed: ['chair', 'secretary'],
    denied: DENIED_READ,
  },
  {
    name: 'PATCH /workspaces/:id',
    call: async (c) => (await c.request('PATCH', `/workspaces/${fixture.workspaceId}`, { description: 'Uchwała nr 151/23' })).status,
    allowed: ['chair'],
    denied: DENIED_READ,
  },
  {
    name: 'POST /workspaces/:id/invitations',
    call: async (c) => (await c.request('POST', `/workspaces/${fixture.workspaceId}/invitations`, { role: 'observer' })).status,
    allowed: ['chair'],
    denied: DENIED_READ,
  },
  {
    name: 'GET /workspaces/:id/invitations',
    call: async (c) => (await c.request('GET', `/workspaces/${fixture.workspaceId}/invitations`)).status,
    allowed: ['chair'],
    denied: DENIED_READ,
  },
  {
    name: 'PATCH /workspaces/:id/members/:userId',
    call: async (c) => (await c.request('PATCH', `/workspaces/${fixture.workspaceId}/members/${fixture.targetUserId}`, { role: 'member' })).status,
    allowed: ['chair'],
    denied: DENIED_READ,
  },
  {
    name: 'DELETE /workspaces/:id/members/:userId (someone else)',
    call: async (c) => (await c.request('DELETE', `/workspaces/${fixture.workspaceId}/members/nobody-${Math.random()}`)).status,
    // The chair passes the permission check and gets "member not found".
    allowed: [],
    denied: DENIED_READ,
  },
  { name: 'GET /workspaces', call: async (c) => (await c.request('GET', '/workspaces')).status, allowed: [...MEMBERS, 'outsider'], denied: DENIED_READ },
  { name: 'GET /me', call: async (c) => (await c.request('GET', '/me')).status, allowed: [...MEMBERS, 'outsider'], denied: DENIED_READ },
];

function expectedStatus(route: RouteCase, actor: Actor): number | 'ok' {
  if (route.allowed.includes(actor)) return 'ok';
  if (actor === 'anonymous') return route.denied.anonymous;
  if (actor === 'outsider') return route.denied.outsider;
  if (route.name.startsWith('DELETE') && actor === 'chair') return 404;
  return route.denied.team;
}

describe('permission matrix: HTTP routes', () => {
  for (const route of routes) {
    for (const actor of ACTORS) {
      const expected = expectedStatus(route, actor);
      it(`${route.name} as ${actor} → ${expected === 'ok' ? '2xx' : expected}`, async () => {
        const status = await route.call(fixture.clients[actor]);
        if (expected === 'ok') {
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(300);
        } else {
          expect(status).toBe(expected);
        }
      });
    }
  }
});

describe('permission matrix: WebSocket writes with a hand-made Yjs update', () => {
  const writers: Actor[] = ['chair', 'secretary', 'member', 'expert'];
  for (const actor of ACTORS) {
    it(`${actor} ${writers.includes(actor) ? 'writes' : 'cannot write'}`, async () => {
      const client = fixture.clients[actor];
      const url = `${fixture.server.collabUrl}/${fixture.planId}`;
      const result = await RawCollabSocket.open(url, client.cookie ? { cookie: client.cookie } : {});
      const marker = `written by ${actor}`;
      if (actor === 'anonymous') {
        expect(result.refusedStatus).toBe(401);
        return;
      }
      if (actor === 'outsider') {
        expect(result.refusedStatus).toBe(404);
        return;
      }
      const raw = result.client;
      if (!raw) throw new Error(`upgrade refused with ${result.refusedStatus}`);
      raw.sendUpdate(paragraphUpdate(marker));
      if (writers.includes(actor)) {
        await waitFor(async () => (await storedText(fixture.server, fixture.planId)).includes(marker), { message: 'write not stored' });
      } else {
        await waitFor(
          () => raw.messages.some((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MessageType.WriteRefused),
          { message: 'observer was not told the write was refused' },
        );
        expect(await storedText(fixture.server, fixture.planId)).not.toContain(marker);
      }
      raw.socket.close();
    });
  }
});

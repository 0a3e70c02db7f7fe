import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { registerUser, type ApiClient } from '../helpers/apiClient.js';
import type { Member } from '../../shared/workspace/Member.js';

let anna: ApiClient;
let bartek: ApiClient;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  [anna, bartek] = await Promise.all([registerUser(testServer, 'anna'), registerUser(testServer, 'bartek')]);
  return dispose;
}, 60_000);

/** A workspace Anna created with Bartek as a second chair. */
async function twoChairs(): Promise<string> {
  const workspace = await anna.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
  const workspaceId = workspace.body.workspace.id;
  const invitation = await anna.request<{ token: string }>('POST', `/workspaces/${workspaceId}/invitations`, { role: 'chair' });
  expect((await bartek.request('POST', `/invitations/${invitation.body.token}/accept`)).status).toBe(200);
  return workspaceId;
}

async function chairsOf(workspaceId: string, asWhom: ApiClient[]): Promise<string[]> {
  for (const client of asWhom) {
    const response = await client.request<{ members: Member[] }>('GET', `/workspaces/${workspaceId}`);
    if (response.status === 200) return response.body.members.filter((member) => member.role === 'chair').map((member) => member.userId);
  }
  throw new Error('nobody can read the workspace any more');
}

const ROUNDS = 20;

describe('a workspace always keeps a chair', () => {
  it(`two chairs demoting each other at once, ${ROUNDS} times: exactly one demotion succeeds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const workspaceId = await twoChairs();
      const [byAnna, byBartek] = await Promise.all([
        anna.request('PATCH', `/workspaces/${workspaceId}/members/${bartek.userId}`, { role: 'member' }),
        bartek.request('PATCH', `/workspaces/${workspaceId}/members/${anna.userId}`, { role: 'member' }),
      ]);
      const statuses = [byAnna.status, byBartek.status].sort();
      // The loser is either no longer a chair (403) or would remove the last chair (409).
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await chairsOf(workspaceId, [anna, bartek])).toHaveLength(1);
    }
  }, 120_000);

  it(`two chairs leaving at once, ${ROUNDS} times: one stays`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const workspaceId = await twoChairs();
      const [annaLeaves, bartekLeaves] = await Promise.all([
        anna.request<{ error?: { code: string } }>('DELETE', `/workspaces/${workspaceId}/members/${anna.userId}`),
        bartek.request<{ error?: { code: string } }>('DELETE', `/workspaces/${workspaceId}/members/${bartek.userId}`),
      ]);
      expect([annaLeaves.status, bartekLeaves.status].sort()).toEqual([204, 409]);
      expect([annaLeaves, bartekLeaves].find((response) => response.status === 409)?.body.error?.code).toBe('lastChair');
      expect(await chairsOf(workspaceId, [anna, bartek])).toHaveLength(1);
    }
  }, 120_000);

  it(`a chair removing the other while that one demotes them, ${ROUNDS} times: a chair remains`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const workspaceId = await twoChairs();
      const [removal, demotion] = await Promise.all([
        anna.request('DELETE', `/workspaces/${workspaceId}/members/${bartek.userId}`),
        bartek.request('PATCH', `/workspaces/${workspaceId}/members/${anna.userId}`, { role: 'observer' }),
      ]);
      expect([removal.status, demotion.status].filter((status) => status < 300)).toHaveLength(1);
      expect(await chairsOf(workspaceId, [anna, bartek])).toHaveLength(1);
    }
  }, 120_000);
});

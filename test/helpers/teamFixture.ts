import { registerUser, type ApiClient } from './apiClient.js';
import type { TestServer } from './startTestServer.js';
import { connectClient, type TestClient } from './connectClient.js';

export interface TeamFixture {
  server: TestServer;
  workspaceId: string;
  planId: string;
  /** Logged-in HTTP clients by role name; the first is the chair who created the workspace. */
  people: Record<string, ApiClient>;
  /** A real WebsocketProvider for one of the people, authenticated by their session cookie. */
  connect(person: string): TestClient;
}

/** Registers the people, builds a workspace with them in the given roles, and creates one plan. */
export async function createTeam(server: TestServer, roles: Record<string, 'chair' | 'secretary' | 'member' | 'expert' | 'observer'>): Promise<TeamFixture> {
  const names = Object.keys(roles);
  const clients = await Promise.all(names.map((name) => registerUser(server, name)));
  const people = Object.fromEntries(names.map((name, index) => [name, clients[index] as ApiClient]));
  const [creatorName] = names;
  const creator = people[creatorName ?? ''];
  if (!creator || roles[creatorName ?? ''] !== 'chair') throw new Error('the first person must be the chair');
  const workspace = await creator.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół strategiczny' });
  const workspaceId = workspace.body.workspace.id;
  for (const name of names.slice(1)) {
    const invitation = await creator.request<{ token: string }>('POST', `/workspaces/${workspaceId}/invitations`, { role: roles[name] });
    const accepted = await people[name]?.request('POST', `/invitations/${invitation.body.token}/accept`);
    if (accepted?.status !== 200) throw new Error(`${name} could not join: ${accepted?.status}`);
  }
  const plan = await creator.request<{ id: string }>('POST', `/workspaces/${workspaceId}/plans`, { title: 'Plan', kind: 'regional' });
  return {
    server,
    workspaceId,
    planId: plan.body.id,
    people,
    connect: (person) =>
      connectClient(server.collabUrl, plan.body.id, { name: person, headers: { cookie: people[person]?.cookie ?? '' } }),
  };
}

import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { registerUser, type ApiClient } from '../helpers/apiClient.js';
import { connectClient, waitForSync, appendParagraph } from '../helpers/connectClient.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { paragraphUpdate } from '../helpers/paragraphUpdate.js';
import { waitFor } from '../helpers/waitFor.js';
import { withServiceTables } from '../helpers/serviceTables.js';
import { Forbidden, Unauthorized } from '../../shared/protocol/closeCodes.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import { formatDocumentName } from '../../shared/documentName.js';

interface Team {
  server: TestServer;
  chair: ApiClient;
  member: ApiClient;
  workspaceId: string;
  planId: string;
}

async function startTeam(): Promise<Team> {
  const server = await startTestServer({ authenticate: 'sessions' });
  const [chair, member] = await Promise.all([registerUser(server, 'Przewodnicząca'), registerUser(server, 'Członek')]);
  if (!chair || !member) throw new Error('registration failed');
  const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
  const workspaceId = workspace.body.workspace.id;
  const invitation = await chair.request<{ token: string }>('POST', `/workspaces/${workspaceId}/invitations`, { role: 'member' });
  await member.request('POST', `/invitations/${invitation.body.token}/accept`);
  const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspaceId}/plans`, { title: 'LPDI', kind: 'local' });
  return { server, chair, member, workspaceId, planId: plan.body.id };
}

function sessionClient(team: Team, client: ApiClient, name: string) {
  return connectClient(team.server.collabUrl, team.planId, { name, headers: { cookie: client.cookie ?? '' } });
}

describe('WebSocket access follows the session and the membership', () => {
  it('refuses a foreign Origin, a missing cookie and a forged cookie', async () => {
    const team = await startTeam();
    const url = `${team.server.collabUrl}/${team.planId}`;
    const foreign = await RawCollabSocket.open(url, { cookie: team.member.cookie ?? '', origin: 'https://evil.example' });
    expect(foreign.refusedStatus).toBe(403);
    const ownOrigin = await RawCollabSocket.open(url, { cookie: team.member.cookie ?? '', origin: team.server.httpUrl });
    expect(ownOrigin.refusedStatus).toBeNull();
    expect((await RawCollabSocket.open(url)).refusedStatus).toBe(401);
    expect((await RawCollabSocket.open(url, { cookie: 'plan_session=forged-token-value' })).refusedStatus).toBe(401);
  });

  it('takes identity from the session, not from what the client claims', async () => {
    const team = await startTeam();
    const chairClient = sessionClient(team, team.chair, 'Ktoś inny');
    const memberClient = sessionClient(team, team.member, 'Członek');
    await Promise.all([waitForSync(chairClient), waitForSync(memberClient)]);
    chairClient.provider.awareness.setLocalStateField('user', { name: 'Impostor', color: '#000000' });
    await waitFor(() => [...memberClient.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Przewodnicząca'), {
      message: 'member never saw the chair under the session name',
    });
    const names = [...memberClient.provider.awareness.getStates().values()].map((state) => state.user?.name);
    expect(names).not.toContain('Impostor');
  });

  it('a member demoted while connected becomes read-only at once', async () => {
    const team = await startTeam();
    const memberClient = sessionClient(team, team.member, 'Członek');
    const chairClient = sessionClient(team, team.chair, 'Chair');
    await Promise.all([waitForSync(memberClient), waitForSync(chairClient)]);
    const memberEvents: PlanEvent[] = [];
    const chairEvents: PlanEvent[] = [];
    memberClient.channel.onPlanEvent((event) => memberEvents.push(event));
    chairClient.channel.onPlanEvent((event) => chairEvents.push(event));
    appendParagraph(memberClient, 'before demotion');
    await waitFor(() => chairClient.text().includes('before demotion'));

    const demoted = await team.chair.request('PATCH', `/workspaces/${team.workspaceId}/members/${team.member.userId}`, { role: 'observer' });
    expect(demoted.status).toBe(200);
    await waitFor(() => memberClient.channel.state.accessMode === 'read-only', { message: 'client was not told it is read-only' });
    // The page learns the new role too (what it offers follows it), and only the member concerned is told.
    await waitFor(() => memberEvents.some((event) => event.type === 'accessChanged' && event.role === 'observer'), {
      message: 'client was not told its new role',
    });
    expect(chairEvents.filter((event) => event.type === 'accessChanged')).toEqual([]);

    appendParagraph(memberClient, 'after demotion');
    await waitFor(() => memberClient.channel.state.lastRefusal !== null, { message: 'write was not refused' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chairClient.text()).not.toContain('after demotion');
  });

  // Loaded: the plan is still in memory from its creation. Stored only: it was unloaded, so the first
  // client gets the stored bytes before the server applies them (StoredStateHandoff) and counts itself
  // synced then; it must know it is read-only by that time.
  it.each(['loaded', 'stored only'] as const)('an observer promoted while connected (plan %s) can write, and what the server refused before is taken then', async (planState) => {
    const team = await startTeam();
    const demoted = await team.chair.request('PATCH', `/workspaces/${team.workspaceId}/members/${team.member.userId}`, { role: 'observer' });
    expect(demoted.status).toBe(200);
    const registry = team.server.server.registry;
    const isLoaded = async (): Promise<boolean> => (await registry.peek(formatDocumentName(team.planId))) !== null;
    if (planState === 'stored only') await waitFor(async () => !(await isLoaded()), { message: 'the plan was never unloaded' });
    else expect(await isLoaded(), 'the plan is no longer loaded; the test cannot take this path').toBe(true);
    const observerClient = sessionClient(team, team.member, 'Członek');
    const chairClient = sessionClient(team, team.chair, 'Chair');
    await Promise.all([waitForSync(observerClient), waitForSync(chairClient)]);
    expect(observerClient.channel.state.accessMode).toBe('read-only');
    appendParagraph(observerClient, 'while read-only');
    await waitFor(() => observerClient.channel.state.lastRefusal !== null, { message: 'write was not refused' });

    const promoted = await team.chair.request('PATCH', `/workspaces/${team.workspaceId}/members/${team.member.userId}`, { role: 'member' });
    expect(promoted.status).toBe(200);
    await waitFor(() => observerClient.channel.state.accessMode === 'read-write', { message: 'client was not told it may write' });
    // Its next update builds on the refused one; both must arrive, and the socket must stay open.
    appendParagraph(observerClient, 'after promotion');
    await waitFor(() => chairClient.text().includes('after promotion'), { message: 'write after promotion never arrived' });
    expect(chairClient.text()).toContain('while read-only');
    await observerClient.channel.whenSaved();
    expect(observerClient.provider.wsconnected).toBe(true);
  });

  it('a member removed while connected is disconnected and cannot reconnect', async () => {
    const team = await startTeam();
    const url = `${team.server.collabUrl}/${team.planId}`;
    const result = await RawCollabSocket.open(url, { cookie: team.member.cookie ?? '' });
    const raw = result.client;
    if (!raw) throw new Error('member could not connect');
    const removed = await team.chair.request('DELETE', `/workspaces/${team.workspaceId}/members/${team.member.userId}`);
    expect(removed.status).toBe(204);
    expect((await raw.closed).code).toBe(Forbidden.code);
    expect((await RawCollabSocket.open(url, { cookie: team.member.cookie ?? '' })).refusedStatus).toBe(404);
    raw.sendUpdate(paragraphUpdate('too late'));
  });

  it('logging out closes the sockets of that session only', async () => {
    const team = await startTeam();
    const url = `${team.server.collabUrl}/${team.planId}`;
    const sameSession = await RawCollabSocket.open(url, { cookie: team.member.cookie ?? '' });
    const otherUser = await RawCollabSocket.open(url, { cookie: team.chair.cookie ?? '' });
    if (!sameSession.client || !otherUser.client) throw new Error('could not connect');
    expect((await team.member.request('POST', '/auth/logout')).status).toBe(204);
    expect((await sameSession.client.closed).code).toBe(Unauthorized.code);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(otherUser.client.socket.readyState).toBe(otherUser.client.socket.OPEN);
  });

  it('an archived plan is read-only for everyone', async () => {
    const team = await startTeam();
    const chairClient = sessionClient(team, team.chair, 'Chair');
    await waitForSync(chairClient);
    expect(chairClient.channel.state.accessMode).toBe('read-write');
    expect((await team.chair.request('PATCH', `/plans/${team.planId}`, { status: 'archived' })).status).toBe(200);
    await waitFor(() => chairClient.channel.state.accessMode === 'read-only', { message: 'archived plan stayed writable' });
  });

  it('refuses an expired invitation', async () => {
    const team = await startTeam();
    const invitation = await team.chair.request<{ token: string }>('POST', `/workspaces/${team.workspaceId}/invitations`, { role: 'member', expiresInDays: 1 });
    await withServiceTables(team.server, (tables) => tables.run('UPDATE invitations SET expires_at = 1'));
    const newcomer = await registerUser(team.server, 'Spóźniony');
    const accepted = await newcomer.request<{ error: { code: string } }>('POST', `/invitations/${invitation.body.token}/accept`);
    expect(accepted.status).toBe(410);
    expect(accepted.body.error.code).toBe('invitationExpired');
    expect((await newcomer.request('GET', `/workspaces/${team.workspaceId}`)).status).toBe(404);
  });

  it('an invitation for an email only works for that email', async () => {
    const team = await startTeam();
    const invitation = await team.chair.request<{ token: string }>('POST', `/workspaces/${team.workspaceId}/invitations`, {
      role: 'expert',
      email: 'ekspert@example.pl',
    });
    const someoneElse = await registerUser(team.server, 'Ktoś');
    const response = await someoneElse.request<{ error: { code: string } }>('POST', `/invitations/${invitation.body.token}/accept`);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('invitationForAnotherEmail');
  });

  it('keeps at least one chair', async () => {
    const team = await startTeam();
    const response = await team.chair.request<{ error: { code: string } }>('PATCH', `/workspaces/${team.workspaceId}/members/${team.chair.userId}`, { role: 'member' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('lastChair');
  });
});

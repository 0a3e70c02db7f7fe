import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { anonymousClient, registerUser } from '../helpers/apiClient.js';

describe('workspace flow over the HTTP API', () => {
  it('a chair creates a workspace and a plan, invites a member who joins', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const chair = await registerUser(server, 'Chair');
    const me = await chair.request<{ user: { name: string } }>('GET', '/me');
    expect(me.body.user.name).toBe('Chair');

    const created = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', {
      name: 'Zespół ds. RPDI Opolskie',
      description: 'Uchwała nr 151/23 Zarządu Województwa',
    });
    expect(created.status).toBe(201);
    const workspaceId = created.body.workspace.id;

    const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspaceId}/plans`, { title: 'RPDI 2026-2028', kind: 'regional' });
    expect(plan.status).toBe(201);

    const invitation = await chair.request<{ token: string; url: string }>('POST', `/workspaces/${workspaceId}/invitations`, { role: 'member' });
    expect(invitation.status).toBe(201);
    expect(invitation.body.url).toContain(`/invitations/${invitation.body.token}`);

    const member = await registerUser(server, 'Member');
    const accepted = await member.request('POST', `/invitations/${invitation.body.token}/accept`);
    expect(accepted.status).toBe(200);
    const plans = await member.request<{ plans: Array<{ id: string }> }>('GET', `/workspaces/${workspaceId}/plans`);
    expect(plans.body.plans.map((entry) => entry.id)).toEqual([plan.body.id]);

    const reused = await (await registerUser(server, 'Third')).request('POST', `/invitations/${invitation.body.token}/accept`);
    expect(reused.status).toBe(410);
  });

  it('rejects invalid bodies with the field path', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const anonymous = anonymousClient(server);
    const response = await anonymous.request<{ error: { code: string; message: string } }>('POST', '/auth/register', { email: 'nope', password: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalidBody');
    expect(response.body.error.message).toContain('email');
    expect(response.body.error.message).toContain('name');
  });
});

import type { FastifyInstance } from 'fastify';
import type { WorkspaceService } from '../workspace/WorkspaceService.js';
import { notFound } from '../errors.js';
import { idParams, invitationBody, memberParams, memberRoleBody, tokenParams, workspaceBody, workspacePatchBody } from './schemas.js';
import { z } from 'zod';
import { PUBLIC_ROUTE } from './sessionUser.js';

export function workspaceRoutes(workspaces: WorkspaceService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/workspaces', async (request) => {
      const { user } = request;
      return { workspaces: await workspaces.listFor(user) };
    });

    app.post('/workspaces', async (request, reply) => {
      const { user } = request;
      const workspace = await workspaces.create(user, workspaceBody.parse(request.body));
      return reply.status(201).send({ workspace: { ...workspace, role: 'chair' } });
    });

    app.get('/workspaces/:id', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const role = await workspaces.requireRole(id, user);
      const workspace = await workspaces.get(id);
      if (workspace === null) throw notFound('Workspace not found');
      return { workspace: { ...workspace, role }, members: await workspaces.members(id) };
    });

    app.patch('/workspaces/:id', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const workspace = await workspaces.update(id, user, workspacePatchBody.parse(request.body));
      return { workspace: { ...workspace, role: await workspaces.roleOf(id, user.id) } };
    });

    app.get('/workspaces/:id/invitations', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { invitations: await workspaces.invitations(id, user) };
    });

    app.post('/workspaces/:id/invitations', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const { token, invitation } = await workspaces.createInvitation(id, user, invitationBody.parse(request.body));
      const url = `${request.protocol}://${request.host}/invitations/${token}`;
      return reply.status(201).send({ token, url, invitation });
    });

    app.delete('/workspaces/:id/invitations/:invitationId', async (request, reply) => {
      const { user } = request;
      const params = z.object({ id: z.string(), invitationId: z.string() }).parse(request.params);
      await workspaces.revokeInvitation(params.id, user, params.invitationId);
      return reply.status(204).send();
    });

    app.get('/invitations/:token', PUBLIC_ROUTE, async (request) => {
      const { token } = tokenParams.parse(request.params);
      return { invitation: await workspaces.previewInvitation(token) };
    });

    app.post('/invitations/:token/accept', async (request) => {
      const { user } = request;
      const { token } = tokenParams.parse(request.params);
      return await workspaces.acceptInvitation(token, user);
    });

    app.patch('/workspaces/:id/members/:userId', async (request) => {
      const { user } = request;
      const { id, userId } = memberParams.parse(request.params);
      const { role } = memberRoleBody.parse(request.body);
      return { member: await workspaces.changeRole(id, user, userId, role) };
    });

    app.delete('/workspaces/:id/members/:userId', async (request, reply) => {
      const { user } = request;
      const { id, userId } = memberParams.parse(request.params);
      await workspaces.removeMember(id, user, userId);
      return reply.status(204).send();
    });
  };
}

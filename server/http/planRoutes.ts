import type { FastifyInstance } from 'fastify';
import type { User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import { idParams, planBody, planPatchBody } from './schemas.js';

const PLAN_FILE_BODY_LIMIT = 32 * 1024 * 1024;

export interface PlanRouteHooks {
  /** Called after a plan's status changed, so open connections follow (archived = read-only). */
  onPlanChanged: (planId: string) => Promise<void>;
  /** Called after a plan file was imported, with the plan as stored. */
  onPlanImported: (planId: string, user: User) => Promise<void>;
}

export function planRoutes(plans: PlanService, hooks: PlanRouteHooks) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/workspaces/:id/plans', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { plans: await plans.list(id, user) };
    });

    app.post('/workspaces/:id/plans', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const plan = await plans.create(id, user, planBody.parse(request.body));
      return reply.status(201).send({ id: plan.id, plan });
    });

    // A plan file is the one big body a member sends.
    app.post('/workspaces/:id/plans/import', { bodyLimit: PLAN_FILE_BODY_LIMIT }, async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const plan = await plans.importFile(id, user, request.body);
      await hooks.onPlanImported(plan.id, user);
      return reply.status(201).send({ id: plan.id, plan });
    });

    app.get('/plans/:id', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const { plan, role } = await plans.getForUser(id, user);
      return { plan, role };
    });

    app.patch('/plans/:id', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const plan = await plans.update(id, user, planPatchBody.parse(request.body));
      await hooks.onPlanChanged(id);
      return { plan };
    });
  };
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ProposalService } from '../proposals/ProposalService.js';
import { DECISION_METHODS, TRANSITION_TARGETS, VOTES } from '../../shared/deliberation/ProposalState.js';
import { idParams } from './schemas.js';
import { lazySchema } from './lazySchema.js';

const blockParams = lazySchema(() => z.object({ id: z.string().min(1).max(100), blockId: z.string().min(1).max(100) }));
const transitionBody = lazySchema(() =>
  z.object({
    to: z.enum(TRANSITION_TARGETS),
    note: z.string().max(2_000).default(''),
    // Required for agreed / rejected (the service says so by name); ignored otherwise.
    method: z.enum(DECISION_METHODS).optional(),
  }),
);
const voteBody = lazySchema(() => z.object({ vote: z.enum(VOTES) }));
const registerQuery = lazySchema(() => z.object({ blockId: z.string().min(1).max(100).optional() }));

export function proposalRoutes(proposals: ProposalService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/plans/:id/proposals', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { proposals: await proposals.list(id, user) };
    });

    app.post('/plans/:id/proposals/:blockId/transitions', async (request) => {
      const { user } = request;
      const { id, blockId } = blockParams.parse(request.params);
      const { to, note, method } = transitionBody.parse(request.body);
      return { proposal: await proposals.transition(id, blockId, user, to, method === undefined ? { note } : { note, method }) };
    });

    app.post('/plans/:id/proposals/:blockId/votes', async (request) => {
      const { user } = request;
      const { id, blockId } = blockParams.parse(request.params);
      return { proposal: await proposals.vote(id, blockId, user, voteBody.parse(request.body).vote) };
    });

    app.get('/plans/:id/decisions', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const { blockId } = registerQuery.parse(request.query);
      return { decisions: await proposals.register(id, user, blockId) };
    });
  };
}

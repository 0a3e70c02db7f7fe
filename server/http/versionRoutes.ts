import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { VersionService } from '../versions/VersionService.js';
import type { User } from '../accounts/AccountService.js';
import type { RemarksAnnex } from '../../shared/consultations/RemarksAnnex.js';
import { planToProseMirror } from '../../shared/planJson/planToProseMirror.js';
import { idParams } from './schemas.js';
import { lazySchema } from './lazySchema.js';

const versionParams = lazySchema(() => z.object({ id: z.string().min(1).max(100), versionId: z.string().min(1).max(100) }));
const versionBody = lazySchema(() => z.object({ name: z.string().trim().min(1, 'is required').max(200), note: z.string().max(2_000).default('') }));
const compareQuery = lazySchema(() => z.object({ from: z.string().min(1).max(100), to: z.string().min(1).max(100).default('draft') }));
const agreedBody = lazySchema(() =>
  z.object({
    name: z.string().trim().min(1).max(200).default('Wersja uzgodniona przez zespół'),
    decisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
    decisionReference: z.string().trim().min(1, 'is required').max(500),
    /** A closed consultation whose remarks table the version annexes. */
    annexRemarksOf: z.string().min(1).max(100).optional(),
  }),
);

export interface VersionRoutesOptions {
  /** The remarks table a version annexes, checked by the consultations (closed, every remark answered). */
  remarksAnnexOf: (planId: string, consultationId: string, user: User) => Promise<RemarksAnnex>;
}

export function versionRoutes(versions: VersionService, options: VersionRoutesOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/plans/:id/versions', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { versions: await versions.list(id, user) };
    });

    app.post('/plans/:id/versions', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return reply.status(201).send({ version: await versions.create(id, user, versionBody.parse(request.body)) });
    });

    app.get('/plans/:id/versions/:versionId', async (request) => {
      const { user } = request;
      const { id, versionId } = versionParams.parse(request.params);
      const snapshot = await versions.snapshot(id, user, versionId);
      return { version: snapshot.version, plan: snapshot.plan, statuses: snapshot.statuses, content: planToProseMirror(snapshot.plan) };
    });

    app.post('/plans/:id/versions/:versionId/restore', async (request, reply) => {
      const { user } = request;
      const { id, versionId } = versionParams.parse(request.params);
      await versions.restore(id, user, versionId);
      return reply.status(204).send();
    });

    app.get('/plans/:id/compare', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const { from, to } = compareQuery.parse(request.query);
      return { comparison: await versions.compare(id, user, from, to) };
    });

    app.get('/plans/:id/agreement', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { open: await versions.openProposals(id, user) };
    });

    app.post('/plans/:id/agreed-versions', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const { annexRemarksOf, ...decision } = agreedBody.parse(request.body);
      const remarksAnnex = annexRemarksOf === undefined ? {} : { remarksAnnex: () => options.remarksAnnexOf(id, annexRemarksOf, user) };
      return reply.status(201).send({ version: await versions.freeze(id, user, { ...decision, ...remarksAnnex }) });
    });
  };
}

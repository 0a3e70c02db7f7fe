import { z } from 'zod';
import { ROLES } from '../../shared/workspace/roles.js';
import { MAX_PASSWORD_LENGTH } from '../accounts/passwordPolicy.js';
import { PLAN_KINDS } from '../../shared/domain/taxonomy.js';
import { PLAN_STATUSES } from '../../shared/plans/PlanRecord.js';
import { lazySchema } from './lazySchema.js';

/** Request bodies of the JSON API; every route parses its body with one of these, built on its first use. */
const email = () => z.string().trim().toLowerCase().email('must be a valid email address').max(254);
const yearMonth = () => z.string().regex(/^\d{4}(-\d{2})?$/, 'must be YYYY or YYYY-MM');

export const registerBody = lazySchema(() =>
  z.object({
    email: email(),
    password: z.string().max(MAX_PASSWORD_LENGTH),
    name: z.string().trim().min(1, 'is required').max(100),
  }),
);

export const loginBody = lazySchema(() =>
  z.object({
    email: email(),
    password: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH),
  }),
);

export const workspaceBody = lazySchema(() =>
  z.object({
    name: z.string().trim().min(1, 'is required').max(200),
    description: z.string().max(5000).optional(),
  }),
);

export const workspacePatchBody = lazySchema(() =>
  z
    .object({
      name: z.string().trim().min(1, 'is required').max(200).optional(),
      description: z.string().max(5000).optional(),
      advisorsSuggestOnly: z.boolean().optional(),
    })
    .refine((body) => body.name !== undefined || body.description !== undefined || body.advisorsSuggestOnly !== undefined, 'nothing to change'),
);

export const invitationBody = lazySchema(() =>
  z.object({
    role: z.enum(ROLES),
    email: email().optional(),
    expiresInDays: z.number().int().min(1).max(30).default(7),
  }),
);

export const memberRoleBody = lazySchema(() => z.object({ role: z.enum(ROLES) }));

export const planBody = lazySchema(() =>
  z.object({
    title: z.string().trim().min(1, 'is required').max(300),
    kind: z.enum(PLAN_KINDS),
    periodFrom: yearMonth().nullable().optional(),
    periodTo: yearMonth().nullable().optional(),
  }),
);

export const planPatchBody = lazySchema(() =>
  z
    .object({
      title: z.string().trim().min(1, 'is required').max(300).optional(),
      periodFrom: yearMonth().nullable().optional(),
      periodTo: yearMonth().nullable().optional(),
      status: z.enum(PLAN_STATUSES).optional(),
    })
    .refine((body) => Object.values(body).some((value) => value !== undefined), 'nothing to change'),
);

export const idParams = lazySchema(() => z.object({ id: z.string().min(1).max(100) }));
export const memberParams = lazySchema(() => z.object({ id: z.string().min(1).max(100), userId: z.string().min(1).max(100) }));
export const tokenParams = lazySchema(() => z.object({ token: z.string().min(10).max(200) }));

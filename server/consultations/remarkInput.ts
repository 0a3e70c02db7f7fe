import { z } from 'zod';
import { REMARK_LIMITS, RESPONSE_JUSTIFICATION_LIMIT, REMARK_RESPONSES } from '../../shared/consultations/Consultation.js';
import { lazySchema } from '../http/lazySchema.js';

const bounded = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** What the public page sends; each field's limit is named in the 400 the server answers. Built on first use, as below. */
const buildRemarkBody = () =>
  z.object({
    submitterName: bounded(REMARK_LIMITS.submitterName).trim().min(1, 'is required'),
    contact: bounded(REMARK_LIMITS.contact).trim().default(''),
    sectionKey: z.string().min(1, 'is required').max(200),
    blockId: z.string().min(1).max(200).nullable().default(null),
    quote: bounded(REMARK_LIMITS.quote).trim().default(''),
    remark: bounded(REMARK_LIMITS.remark).trim().min(1, 'is required'),
    proposedWording: bounded(REMARK_LIMITS.proposedWording).trim().default(''),
    justification: bounded(REMARK_LIMITS.justification).trim().default(''),
  });
export const remarkBody = lazySchema(buildRemarkBody);
export type RemarkInput = z.infer<ReturnType<typeof buildRemarkBody>>;

const calendarDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a calendar date');

export const openConsultationBody = lazySchema(() =>
  z
    .object({ versionId: z.string().min(1).max(100), startsOn: calendarDate(), endsOn: calendarDate() })
    .refine((body) => body.startsOn <= body.endsOn, { message: 'must not be before startsOn', path: ['endsOn'] }),
);

export const remarkResponseBody = lazySchema(() =>
  z.object({
    response: z.enum(REMARK_RESPONSES),
    justification: bounded(RESPONSE_JUSTIFICATION_LIMIT).trim().min(1, 'is required'),
  }),
);

export const remarkThreadBody = lazySchema(() => z.object({ body: z.string().trim().min(1, 'is required').max(10_000) }));

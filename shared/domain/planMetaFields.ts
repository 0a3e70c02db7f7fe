import { z } from 'zod';
import type { BlockField } from './blockFields.js';
import { codeSchema } from './codeSchema.js';
import { PLAN_FILE_FORMAT, type Adoption, type PlanInfo, type PlanMeta, type PlanPeriod, type TeamMember, type Territory } from './Plan.js';

/**
 * Schema and default of every plan-level field, shared by the file import and
 * by reading the Y.Doc 'meta' map (where a malicious client could write anything).
 */
export type PlanMetaFields = { [Key in keyof PlanMeta]-?: BlockField<PlanMeta[Key]> };

const year = z.number().int().min(1900).max(2200);

const territory: z.ZodType<Territory> = z.strictObject({
  name: z.string(),
  level: codeSchema('territoryLevels'),
});
const period: z.ZodType<PlanPeriod> = z.strictObject({ from: year, to: year });
const adoption: z.ZodType<Adoption> = z.strictObject({
  body: z.string(),
  resolutionNumber: z.string().nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected YYYY-MM-DD' })
    .nullable(),
});
const planInfo: z.ZodType<PlanInfo> = z.strictObject({
  illustrative: z.boolean().optional(),
  note: z.string().optional(),
});
const teamMember: z.ZodType<TeamMember> = z.strictObject({
  id: z.string().min(1, { error: 'must not be empty' }),
  name: z.string(),
  role: codeSchema('teamRoles'),
  institution: z.string(),
});

const currentYear = new Date().getFullYear();

export const planMetaFields: PlanMetaFields = {
  // Format 1 files (strings in every block field) read as format 2, which only adds formatted text.
  schemaVersion: {
    schema: z.union([z.literal(1), z.literal(PLAN_FILE_FORMAT)]).transform(() => PLAN_FILE_FORMAT),
    defaultValue: PLAN_FILE_FORMAT,
  },
  id: { schema: z.string(), defaultValue: '' },
  kind: { schema: codeSchema('planKinds'), defaultValue: 'regional' },
  title: { schema: z.string(), defaultValue: '' },
  territory: { schema: territory, defaultValue: { name: '', level: 'voivodeship' } },
  period: { schema: period, defaultValue: { from: currentYear, to: currentYear } },
  language: { schema: codeSchema('languages'), defaultValue: 'pl' },
  status: { schema: codeSchema('documentStatuses'), defaultValue: 'draft' },
  adoption: { schema: adoption, defaultValue: { body: '', resolutionNumber: null, date: null } },
  meta: { schema: planInfo, defaultValue: {} },
  team: { schema: z.array(teamMember), defaultValue: [], element: teamMember },
};

export const PLAN_META_KEYS = Object.keys(planMetaFields) as (keyof PlanMeta)[];

import { z } from 'zod';
import {
  goalFields,
  indicatorFields,
  interventionDirectionFields,
  planSectionFields,
  recommendationFields,
  type BlockField,
} from '../domain/blockFields.js';
import { codeSchema } from '../domain/codeSchema.js';
import type { Plan } from '../domain/Plan.js';
import { planMetaFields } from '../domain/planMetaFields.js';
import type { ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import { isPlainObject } from './isPlainObject.js';

function shapeOf(fields: Record<string, BlockField<unknown>>): Record<string, z.ZodType<unknown>> {
  return Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, spec.schema]));
}

const requiredId = z.string().min(1, { error: 'must not be empty' });

// The node itself is checked against the editor schema in importPlan, where the paths are known.
const richTextNode = z.custom<ProseMirrorNodeJson>(
  (value) => isPlainObject(value) && typeof value['type'] === 'string',
  { error: 'expected an editor node object with a type' },
);

const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string() }),
  z.strictObject({ type: z.literal('richText'), node: richTextNode }),
  z.strictObject({
    type: z.literal('goal'),
    ...shapeOf(goalFields),
    id: requiredId,
    area: codeSchema('areas').optional(),
  }),
  z.strictObject({ type: z.literal('interventionDirection'), ...shapeOf(interventionDirectionFields), id: requiredId }),
  z.strictObject({ type: z.literal('recommendation'), ...shapeOf(recommendationFields), id: requiredId }),
  z.strictObject({ type: z.literal('indicator'), ...shapeOf(indicatorFields), id: requiredId }),
]);

const sectionSchema = z.strictObject({
  key: planSectionFields.key.schema.pipe(z.string().min(1, { error: 'must not be empty' })),
  title: planSectionFields.title.schema,
  status: planSectionFields.status.schema.optional(),
  responsibleUserId: planSectionFields.responsibleUserId.schema.optional(),
  hint: planSectionFields.hint.schema.optional(),
  blocks: z.array(blockSchema),
});

/**
 * The shape of a plan file (README §5). Only the shape: references between
 * blocks are checked by validatePlanReferences. The field schemas are the
 * ones typed against Plan in domain/blockFields.ts, hence the cast.
 */
export const planFileSchema = z.strictObject({
  ...shapeOf(planMetaFields),
  sections: z.array(sectionSchema),
}) as unknown as z.ZodType<Plan>;

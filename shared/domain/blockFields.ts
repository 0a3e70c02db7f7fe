import { z } from 'zod';
import { codeSchema } from './codeSchema.js';
import type { ProseMirrorNodeJson } from './ProseMirrorNodeJson.js';
import { richTextFromPlainText, type RichText } from './richText.js';
import type { SectionStatus } from './taxonomy.js';

/**
 * One definition per field of every typed block: its zod schema and its
 * default. The plan types (domain/Plan.ts) are inferred from these, the
 * import validates with them, the TipTap nodes take their attribute defaults
 * from them, and every reader coerces untrusted values with them, so none of
 * these can drift apart.
 *
 * A block's fields live in two places in the editor document: small
 * structured values (ids, numbers, codes, references, amounts, years, dates,
 * status) are node attributes (`…AttributeFields`); everything a person types
 * is collaborative text in child nodes (shared/schema/fields/), merged
 * character by character.
 */
export interface BlockField<Value> {
  schema: z.ZodType<Value>;
  defaultValue: Value;
  /** For list fields: each element is checked alone, so one bad code drops only itself. */
  element?: z.ZodType<unknown>;
}

export type BlockFields<Attributes> = { [Key in keyof Attributes]-?: BlockField<Attributes[Key]> };

/** The values a set of field definitions describes. */
export type FieldValues<Fields> = { -readonly [Key in keyof Fields]: Fields[Key] extends BlockField<infer Value> ? Value : never };

function field<Value>(schema: z.ZodType<Value>, defaultValue: Value): BlockField<Value> {
  return { schema, defaultValue };
}

function listField<Element>(element: z.ZodType<Element>): BlockField<Element[]> {
  return { schema: z.array(element), defaultValue: [], element };
}

const text = z.string();
const money = z.number().finite().nonnegative();
const year = z.number().int().min(1900).max(2200);
const yearMonth = z.string().regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, { error: 'expected YYYY-MM' });
const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'expected a currency code like PLN' });

// The nodes themselves are checked against the editor schema by the import, where paths are known.
const editorNode = z.custom<ProseMirrorNodeJson>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string',
  { error: 'expected an editor node object with a type' },
);

/**
 * Formatted text: plan files of format 1 (and format 2 for text without
 * formatting) hold a string, format 2 the nodes of formatted text.
 */
const richText: z.ZodType<RichText, unknown> = z
  .union([z.string(), z.array(editorNode).min(1, { error: 'expected at least one paragraph' })])
  .transform((value) => (typeof value === 'string' ? richTextFromPlainText(value) : value));

function richTextField(): BlockField<RichText> {
  return { schema: richText, defaultValue: richTextFromPlainText('') };
}

export const measuredValueSchema = z.strictObject({
  value: z.number().finite().nullable(),
  year: year.nullable(),
});
export const timeframeSchema = z.strictObject({ start: yearMonth, end: yearMonth });
export const directionActionSchema = z.strictObject({ id: text, text });
export const directionIndicatorSchema = z.strictObject({
  name: text,
  unit: text,
  baseline: measuredValueSchema,
  target: measuredValueSchema,
  source: text,
});
export const estimatedCostSchema = z.strictObject({ amount: money, currency, note: text });
/** The cost without its note: the note is typed text, kept in a child node. */
export const costAmountSchema = z.strictObject({ amount: money, currency });
export const fundingShareSchema = z.strictObject({
  code: codeSchema('fundingSources'),
  amount: money,
});

export type MeasuredValue = z.infer<typeof measuredValueSchema>;
export type Timeframe = z.infer<typeof timeframeSchema>;
export type DirectionAction = z.infer<typeof directionActionSchema>;
export type DirectionIndicator = z.infer<typeof directionIndicatorSchema>;
export type EstimatedCost = z.infer<typeof estimatedCostSchema>;
export type CostAmount = z.infer<typeof costAmountSchema>;
export type FundingShare = z.infer<typeof fundingShareSchema>;

export const EMPTY_MEASURED_VALUE: MeasuredValue = { value: null, year: null };

// Attributes: the small structured values of each block.

export const goalAttributeFields = {
  id: field(text, ''),
  level: field(codeSchema('goalLevels'), 'specific'),
  parentId: field(text.nullable(), null),
  number: field(text, ''),
  area: field(codeSchema('areas').nullable(), null),
};

export const interventionDirectionAttributeFields = {
  id: field(text, ''),
  number: field(text, ''),
  area: field(codeSchema('areas').nullable(), null),
  targetGroups: listField(codeSchema('targetGroups')),
  goalRef: field(text.nullable(), null),
  serviceTypes: listField(codeSchema('serviceTypes')),
  timeframe: field(timeframeSchema, { start: '', end: '' }),
  estimatedCost: field(costAmountSchema, { amount: 0, currency: 'PLN' }),
  status: field(codeSchema('blockStatuses'), 'draft'),
};

export const recommendationAttributeFields = {
  id: field(text, ''),
  kind: field(codeSchema('recommendationKinds'), 'recommendation'),
  area: field(codeSchema('areas').nullable(), null),
  targetGroups: listField(codeSchema('targetGroups')),
  relatedDirections: listField(text),
  status: field(codeSchema('blockStatuses'), 'draft'),
  statusNote: field(text, ''),
  proposedBy: field(text, ''),
};

export const indicatorAttributeFields = {
  id: field(text, ''),
  kind: field(codeSchema('indicatorKinds'), 'output'),
  unit: field(text, ''),
  baseline: field(measuredValueSchema, EMPTY_MEASURED_VALUE),
  target: field(measuredValueSchema, EMPTY_MEASURED_VALUE),
  frequency: field(codeSchema('indicatorFrequencies'), 'annual'),
  goalRef: field(text.nullable(), null),
  directionRefs: listField(text),
};

/** The attributes of one row of a direction's indicator table; its name and source are text. */
export const directionIndicatorAttributeFields = {
  unit: field(text, ''),
  baseline: field(measuredValueSchema, EMPTY_MEASURED_VALUE),
  target: field(measuredValueSchema, EMPTY_MEASURED_VALUE),
};

export const fundingShareAttributeFields = {
  code: field(codeSchema('fundingSources'), 'EFS_PLUS_REGIONAL'),
  amount: field(money, 0),
};

export type GoalAttributes = FieldValues<typeof goalAttributeFields>;
export type InterventionDirectionAttributes = FieldValues<typeof interventionDirectionAttributeFields>;
export type RecommendationAttributes = FieldValues<typeof recommendationAttributeFields>;
export type IndicatorAttributes = FieldValues<typeof indicatorAttributeFields>;

// Whole blocks as a plan file and every reader of a plan see them.

export const goalFields = {
  ...goalAttributeFields,
  title: field(text, ''),
  description: richTextField(),
};

export const interventionDirectionFields = {
  id: field(text, ''),
  number: field(text, ''),
  title: field(text, ''),
  area: interventionDirectionAttributeFields.area,
  targetGroups: interventionDirectionAttributeFields.targetGroups,
  goalRef: interventionDirectionAttributeFields.goalRef,
  serviceTypes: interventionDirectionAttributeFields.serviceTypes,
  description: richTextField(),
  actions: listField(directionActionSchema),
  responsible: listField(text),
  partners: listField(text),
  timeframe: interventionDirectionAttributeFields.timeframe,
  indicators: listField(directionIndicatorSchema),
  estimatedCost: field(estimatedCostSchema, { amount: 0, currency: 'PLN', note: '' }),
  fundingSources: listField(fundingShareSchema),
  status: interventionDirectionAttributeFields.status,
};

export const recommendationFields = {
  id: field(text, ''),
  kind: recommendationAttributeFields.kind,
  title: field(text, ''),
  content: richTextField(),
  rationale: richTextField(),
  addressees: listField(text),
  area: recommendationAttributeFields.area,
  targetGroups: recommendationAttributeFields.targetGroups,
  relatedDirections: recommendationAttributeFields.relatedDirections,
  status: recommendationAttributeFields.status,
  statusNote: recommendationAttributeFields.statusNote,
  /** A team member id, or '' when not recorded. */
  proposedBy: recommendationAttributeFields.proposedBy,
};

export const indicatorFields = {
  id: field(text, ''),
  name: field(text, ''),
  kind: indicatorAttributeFields.kind,
  unit: indicatorAttributeFields.unit,
  baseline: indicatorAttributeFields.baseline,
  target: indicatorAttributeFields.target,
  source: field(text, ''),
  frequency: indicatorAttributeFields.frequency,
  responsible: field(text, ''),
  goalRef: indicatorAttributeFields.goalRef,
  directionRefs: indicatorAttributeFields.directionRefs,
};

export const TYPED_BLOCK_FIELDS = {
  goal: goalFields,
  interventionDirection: interventionDirectionFields,
  recommendation: recommendationFields,
  indicator: indicatorFields,
};

export const TYPED_BLOCK_ATTRIBUTE_FIELDS = {
  goal: goalAttributeFields,
  interventionDirection: interventionDirectionAttributeFields,
  recommendation: recommendationAttributeFields,
  indicator: indicatorAttributeFields,
};

export type TypedBlockFieldsByType = typeof TYPED_BLOCK_FIELDS;

export interface PlanSectionAttributes {
  key: string;
  title: string;
  status: SectionStatus;
  responsibleUserId: string | null;
  hint: string;
}

export const planSectionFields: BlockFields<PlanSectionAttributes> = {
  key: field(z.string().regex(/^[A-Za-z0-9_-]*$/, { error: 'expected letters, digits, - or _' }), ''),
  title: field(text, ''),
  status: field(codeSchema('sectionStatuses'), 'draft'),
  responsibleUserId: field(text.nullable(), null),
  hint: field(text, ''),
};

/** Fresh copies of the defaults of a set of fields. */
export function defaultFieldValues<Fields extends Record<string, BlockField<unknown>>>(fields: Fields): FieldValues<Fields> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) values[name] = structuredClone(spec.defaultValue);
  return values as FieldValues<Fields>;
}

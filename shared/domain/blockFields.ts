import { z } from 'zod';
import { codeSchema } from './codeSchema.js';
import type {
  DirectionAction,
  DirectionIndicator,
  EstimatedCost,
  FundingShare,
  GoalBlock,
  IndicatorBlock,
  InterventionDirectionBlock,
  MeasuredValue,
  RecommendationBlock,
  Timeframe,
  TypedBlockType,
} from './Plan.js';
import type { AreaCode, SectionStatus } from './taxonomy.js';

/**
 * One definition per field of every typed block: its zod schema and its
 * default. The TipTap nodes take their attribute defaults from here, the
 * import validates with the schemas, and the export coerces untrusted
 * attribute values with them, so the three cannot drift apart.
 */
export interface BlockField<Value> {
  schema: z.ZodType<Value>;
  defaultValue: Value;
  /** For list fields: each element is checked alone, so one bad code drops only itself. */
  element?: z.ZodType<unknown>;
}

export type GoalAttributes = Omit<GoalBlock, 'type' | 'area'> & { area: AreaCode | null };
export type InterventionDirectionAttributes = Omit<InterventionDirectionBlock, 'type'>;
export type RecommendationAttributes = Omit<RecommendationBlock, 'type'>;
export type IndicatorAttributes = Omit<IndicatorBlock, 'type'>;

export interface TypedBlockAttributes {
  goal: GoalAttributes;
  interventionDirection: InterventionDirectionAttributes;
  recommendation: RecommendationAttributes;
  indicator: IndicatorAttributes;
}

export type BlockFields<Attributes> = { [Key in keyof Attributes]-?: BlockField<Attributes[Key]> };

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

const measuredValue: z.ZodType<MeasuredValue> = z.strictObject({
  value: z.number().finite().nullable(),
  year: year.nullable(),
});
const timeframe: z.ZodType<Timeframe> = z.strictObject({ start: yearMonth, end: yearMonth });
const action: z.ZodType<DirectionAction> = z.strictObject({ id: text, text });
const directionIndicator: z.ZodType<DirectionIndicator> = z.strictObject({
  name: text,
  unit: text,
  baseline: measuredValue,
  target: measuredValue,
  source: text,
});
const estimatedCost: z.ZodType<EstimatedCost> = z.strictObject({
  amount: money,
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected a currency code like PLN' }),
  note: text,
});
const fundingShare: z.ZodType<FundingShare> = z.strictObject({
  code: codeSchema('fundingSources'),
  amount: money,
});

const EMPTY_MEASURED_VALUE: MeasuredValue = { value: null, year: null };

export const goalFields: BlockFields<GoalAttributes> = {
  id: field(text, ''),
  level: field(codeSchema('goalLevels'), 'specific'),
  parentId: field(text.nullable(), null),
  number: field(text, ''),
  title: field(text, ''),
  description: field(text, ''),
  area: field(codeSchema('areas').nullable(), null),
};

export const interventionDirectionFields: BlockFields<InterventionDirectionAttributes> = {
  id: field(text, ''),
  number: field(text, ''),
  title: field(text, ''),
  area: field(codeSchema('areas').nullable(), null),
  targetGroups: listField(codeSchema('targetGroups')),
  goalRef: field(text.nullable(), null),
  serviceTypes: listField(codeSchema('serviceTypes')),
  description: field(text, ''),
  actions: listField(action),
  responsible: listField(text),
  partners: listField(text),
  timeframe: field(timeframe, { start: '', end: '' }),
  indicators: listField(directionIndicator),
  estimatedCost: field(estimatedCost, { amount: 0, currency: 'PLN', note: '' }),
  fundingSources: listField(fundingShare),
  status: field(codeSchema('blockStatuses'), 'draft'),
};

export const recommendationFields: BlockFields<RecommendationAttributes> = {
  id: field(text, ''),
  kind: field(codeSchema('recommendationKinds'), 'recommendation'),
  title: field(text, ''),
  content: field(text, ''),
  rationale: field(text, ''),
  addressees: listField(text),
  area: field(codeSchema('areas').nullable(), null),
  targetGroups: listField(codeSchema('targetGroups')),
  relatedDirections: listField(text),
  status: field(codeSchema('blockStatuses'), 'draft'),
  statusNote: field(text, ''),
  proposedBy: field(text, ''),
};

export const indicatorFields: BlockFields<IndicatorAttributes> = {
  id: field(text, ''),
  name: field(text, ''),
  kind: field(codeSchema('indicatorKinds'), 'output'),
  unit: field(text, ''),
  baseline: field(measuredValue, EMPTY_MEASURED_VALUE),
  target: field(measuredValue, EMPTY_MEASURED_VALUE),
  source: field(text, ''),
  frequency: field(codeSchema('indicatorFrequencies'), 'annual'),
  responsible: field(text, ''),
  goalRef: field(text.nullable(), null),
  directionRefs: listField(text),
};

export const TYPED_BLOCK_FIELDS: { [Type in TypedBlockType]: BlockFields<TypedBlockAttributes[Type]> } = {
  goal: goalFields,
  interventionDirection: interventionDirectionFields,
  recommendation: recommendationFields,
  indicator: indicatorFields,
};

/** The attribute values of a freshly inserted block of this type. */
export function defaultBlockAttributes<Type extends TypedBlockType>(type: Type): TypedBlockAttributes[Type] {
  const fields = TYPED_BLOCK_FIELDS[type] as Record<string, BlockField<unknown>>;
  const attributes: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) attributes[name] = structuredClone(spec.defaultValue);
  return attributes as TypedBlockAttributes[Type];
}

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

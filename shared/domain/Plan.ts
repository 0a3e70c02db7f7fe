import type {
  AreaCode,
  DocumentStatus,
  Language,
  PlanKind,
  SectionStatus,
  TeamRole,
  TerritoryLevel,
} from './taxonomy.js';
import type { FieldValues, goalFields, indicatorFields, interventionDirectionFields, recommendationFields } from './blockFields.js';
import type { ProseMirrorNodeJson } from './ProseMirrorNodeJson.js';

export type { DirectionAction, DirectionIndicator, EstimatedCost, FundingShare, MeasuredValue, Timeframe } from './blockFields.js';
export type { RichText } from './richText.js';

/** The plan file format written by this version. */
export const PLAN_FILE_FORMAT = 2;

/**
 * A plan in its exchange form (README §5, the shape of sample-plan-a.json).
 * Fields a new block may still lack in the editor are `null` (goalRef, area…)
 * or empty; the import validation rejects files where they are required.
 */
export interface Plan extends PlanMeta {
  sections: PlanSection[];
}

/** Everything in a plan except its sections; kept in the Y.Doc map 'meta'. */
export interface PlanMeta {
  /** The plan file format: 2 allows formatted text in block fields; files of format 1 still import. */
  schemaVersion: typeof PLAN_FILE_FORMAT;
  id: string;
  kind: PlanKind;
  title: string;
  territory: Territory;
  period: PlanPeriod;
  language: Language;
  status: DocumentStatus;
  adoption: Adoption;
  meta: PlanInfo;
  team: TeamMember[];
}

export interface Territory {
  name: string;
  level: TerritoryLevel;
}

/** Calendar years, both inclusive. */
export interface PlanPeriod {
  from: number;
  to: number;
}

export interface Adoption {
  body: string;
  resolutionNumber: string | null;
  /** YYYY-MM-DD */
  date: string | null;
}

/** Free-form notes about the file; `illustrative` marks made-up samples. */
export interface PlanInfo {
  illustrative?: boolean;
  note?: string;
}

export interface TeamMember {
  id: string;
  name: string;
  role: TeamRole;
  institution: string;
}

/**
 * Workflow fields (status, responsibleUserId, hint) are optional in the file:
 * an exported plan leaves them out while they hold their defaults
 * ('draft', null, ''), so files without them round-trip unchanged.
 */
export interface PlanSection {
  key: string;
  title: string;
  status?: SectionStatus;
  responsibleUserId?: string | null;
  hint?: string;
  blocks: PlanBlock[];
}

export type PlanBlock =
  | ParagraphBlock
  | RichTextBlock
  | GoalBlock
  | InterventionDirectionBlock
  | RecommendationBlock
  | IndicatorBlock;

export type PlanBlockType = PlanBlock['type'];

/** Plain text; a line break is written as '\n'. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/**
 * Formatted text the plain blocks cannot hold: a heading, a list, a quote or
 * a paragraph with marks. `node` is the editor's node JSON, checked against
 * the plan schema on import.
 */
export interface RichTextBlock {
  type: 'richText';
  node: ProseMirrorNodeJson;
}

/**
 * The typed blocks, inferred from their field definitions (domain/blockFields.ts).
 * Text fields a person types are strings (single-line) or RichText
 * (description-like fields, with marks and lists).
 */
export type GoalBlock = { type: 'goal' } & Omit<FieldValues<typeof goalFields>, 'area'> & {
  /** Left out of the file when the goal has no area (e.g. the main goal). */
  area?: AreaCode;
};

export type InterventionDirectionBlock = { type: 'interventionDirection' } & FieldValues<typeof interventionDirectionFields>;

export type RecommendationBlock = { type: 'recommendation' } & FieldValues<typeof recommendationFields>;

export type IndicatorBlock = { type: 'indicator' } & FieldValues<typeof indicatorFields>;

/** The block types with fields of their own (attributes and text in child nodes). */
export type TypedBlock = GoalBlock | InterventionDirectionBlock | RecommendationBlock | IndicatorBlock;
export type TypedBlockType = TypedBlock['type'];
export const TYPED_BLOCK_TYPES = ['goal', 'interventionDirection', 'recommendation', 'indicator'] as const satisfies readonly TypedBlockType[];

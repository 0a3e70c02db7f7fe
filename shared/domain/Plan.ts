import type {
  AreaCode,
  BlockStatus,
  DocumentStatus,
  FundingSourceCode,
  GoalLevel,
  IndicatorFrequency,
  IndicatorKind,
  Language,
  PlanKind,
  RecommendationKind,
  SectionStatus,
  ServiceTypeCode,
  TargetGroupCode,
  TeamRole,
  TerritoryLevel,
} from './taxonomy.js';
import type { ProseMirrorNodeJson } from './ProseMirrorNodeJson.js';

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
  schemaVersion: 1;
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

export interface GoalBlock {
  type: 'goal';
  id: string;
  level: GoalLevel;
  parentId: string | null;
  number: string;
  title: string;
  description: string;
  /** Left out of the file when the goal has no area (e.g. the main goal). */
  area?: AreaCode;
}

export interface InterventionDirectionBlock {
  type: 'interventionDirection';
  id: string;
  number: string;
  title: string;
  area: AreaCode | null;
  targetGroups: TargetGroupCode[];
  goalRef: string | null;
  serviceTypes: ServiceTypeCode[];
  description: string;
  actions: DirectionAction[];
  responsible: string[];
  partners: string[];
  timeframe: Timeframe;
  indicators: DirectionIndicator[];
  estimatedCost: EstimatedCost;
  fundingSources: FundingShare[];
  status: BlockStatus;
}

export interface DirectionAction {
  id: string;
  text: string;
}

/** Months as YYYY-MM, both inclusive; '' while not yet planned. */
export interface Timeframe {
  start: string;
  end: string;
}

export interface MeasuredValue {
  value: number | null;
  year: number | null;
}

export interface DirectionIndicator {
  name: string;
  unit: string;
  baseline: MeasuredValue;
  target: MeasuredValue;
  source: string;
}

export interface EstimatedCost {
  amount: number;
  currency: string;
  note: string;
}

export interface FundingShare {
  code: FundingSourceCode;
  amount: number;
}

export interface RecommendationBlock {
  type: 'recommendation';
  id: string;
  kind: RecommendationKind;
  title: string;
  content: string;
  rationale: string;
  addressees: string[];
  area: AreaCode | null;
  targetGroups: TargetGroupCode[];
  relatedDirections: string[];
  status: BlockStatus;
  statusNote: string;
  /** A team member id, or '' when not recorded. */
  proposedBy: string;
}

export interface IndicatorBlock {
  type: 'indicator';
  id: string;
  name: string;
  kind: IndicatorKind;
  unit: string;
  baseline: MeasuredValue;
  target: MeasuredValue;
  source: string;
  frequency: IndicatorFrequency;
  responsible: string;
  goalRef: string | null;
  directionRefs: string[];
}

/** The block types stored as atom nodes whose fields are node attributes. */
export type TypedBlock = GoalBlock | InterventionDirectionBlock | RecommendationBlock | IndicatorBlock;
export type TypedBlockType = TypedBlock['type'];
export const TYPED_BLOCK_TYPES = ['goal', 'interventionDirection', 'recommendation', 'indicator'] as const satisfies readonly TypedBlockType[];

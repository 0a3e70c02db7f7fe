import type { PlanKind } from '../domain/taxonomy.js';

export const PLAN_STATUSES = ['active', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A plan's record as the API sends it (title, kind, period, status); the content lives in the plan's Y.Doc. */
export interface PlanRecord {
  id: string;
  workspaceId: string;
  title: string;
  kind: PlanKind;
  /** YYYY or YYYY-MM. */
  periodFrom: string | null;
  periodTo: string | null;
  status: PlanStatus;
  createdAt: number;
  updatedAt: number;
}

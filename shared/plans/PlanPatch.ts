import type { PlanStatus } from './PlanRecord.js';

/** The record fields a plan manager may change later; the kind stays what the plan was created as. */
export interface PlanPatch {
  title?: string;
  periodFrom?: string | null;
  periodTo?: string | null;
  status?: PlanStatus;
}

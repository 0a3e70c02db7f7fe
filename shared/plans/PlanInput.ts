import type { PlanKind } from '../domain/taxonomy.js';

/** What creating a plan takes; the kind picks the template its document starts from. */
export interface PlanInput {
  title: string;
  kind: PlanKind;
  periodFrom?: string | null;
  periodTo?: string | null;
}

import type { Plan } from '../domain/Plan.js';
import { TARGET_GROUPS, type AreaCode, type BlockStatus, type TargetGroupCode } from '../domain/taxonomy.js';
import { listPlanBlocks } from './listPlanBlocks.js';

export interface MatrixDirection {
  id: string;
  number: string;
  title: string;
  area: AreaCode | null;
  status: BlockStatus;
}

export interface TargetGroupMatrix {
  /** The columns: intervention directions in document order, rejected ones left out. */
  directions: MatrixDirection[];
  /** One row per target group of the taxonomy, in taxonomy order. */
  rows: { targetGroup: TargetGroupCode; directionIds: string[] }[];
  /** Target groups no (non-rejected) direction addresses: the gaps the team must explain or fill (README §3.1). */
  uncoveredTargetGroups: TargetGroupCode[];
}

/** The target group × intervention direction matrix of a plan. */
export function buildTargetGroupMatrix(plan: Pick<Plan, 'sections'>): TargetGroupMatrix {
  const directions = listPlanBlocks(plan, 'interventionDirection')
    .map(({ block }) => block)
    .filter((direction) => direction.status !== 'rejected');
  const rows = TARGET_GROUPS.map((targetGroup) => ({
    targetGroup,
    directionIds: directions.filter((direction) => direction.targetGroups.includes(targetGroup)).map((direction) => direction.id),
  }));
  return {
    directions: directions.map(({ id, number, title, area, status }) => ({ id, number, title, area, status })),
    rows,
    uncoveredTargetGroups: rows.filter((row) => row.directionIds.length === 0).map((row) => row.targetGroup),
  };
}

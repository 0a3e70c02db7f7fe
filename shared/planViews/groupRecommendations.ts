import type { Plan, RecommendationBlock } from '../domain/Plan.js';
import { BLOCK_STATUSES, RECOMMENDATION_KINDS, type BlockStatus, type RecommendationKind } from '../domain/taxonomy.js';
import { listPlanBlocks } from './listPlanBlocks.js';

export interface RecommendationGroups {
  byKind: Record<RecommendationKind, RecommendationBlock[]>;
  byStatus: Record<BlockStatus, RecommendationBlock[]>;
  byKindAndStatus: Record<RecommendationKind, Record<BlockStatus, RecommendationBlock[]>>;
}

/** Recommendations, models and guidelines grouped by kind and by status; every key present, document order kept. */
export function groupRecommendations(plan: Pick<Plan, 'sections'>): RecommendationGroups {
  const recommendations = listPlanBlocks(plan, 'recommendation').map(({ block }) => block);
  const byStatusOf = (list: RecommendationBlock[]): Record<BlockStatus, RecommendationBlock[]> =>
    Object.fromEntries(BLOCK_STATUSES.map((status) => [status, list.filter((item) => item.status === status)])) as Record<
      BlockStatus,
      RecommendationBlock[]
    >;
  const byKind = Object.fromEntries(
    RECOMMENDATION_KINDS.map((kind) => [kind, recommendations.filter((item) => item.kind === kind)]),
  ) as Record<RecommendationKind, RecommendationBlock[]>;
  return {
    byKind,
    byStatus: byStatusOf(recommendations),
    byKindAndStatus: Object.fromEntries(
      RECOMMENDATION_KINDS.map((kind) => [kind, byStatusOf(byKind[kind])]),
    ) as Record<RecommendationKind, Record<BlockStatus, RecommendationBlock[]>>,
  };
}

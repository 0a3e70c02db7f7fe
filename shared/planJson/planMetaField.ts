/** The Y.Map of a plan's Y.Doc that holds the plan-level fields (one key per PlanMeta field). */
export const PLAN_META_FIELD = 'meta';

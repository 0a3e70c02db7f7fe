import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildIndicatorTable } from '../../shared/planViews/buildIndicatorTable.js';
import { buildTargetGroupMatrix } from '../../shared/planViews/buildTargetGroupMatrix.js';
import { computeFinancing } from '../../shared/planViews/computeFinancing.js';
import { groupRecommendations } from '../../shared/planViews/groupRecommendations.js';
import type { ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { Plan } from '../../shared/domain/Plan.js';
import type { PlanWarning } from '../../shared/planViews/collectPlanWarnings.js';
import { FinancingView } from './FinancingView.js';
import { IndicatorTableView } from './IndicatorTableView.js';
import { RecommendationsView } from './RecommendationsView.js';
import { TargetGroupMatrixView } from './TargetGroupMatrixView.js';
import { WarningsView } from './WarningsView.js';

export interface PlanViewsPanelProps {
  /** The live plan with statuses from the decision register (see withRecordedStatuses). */
  plan: Plan;
  proposals: ReadonlyMap<string, ProposalState>;
  warnings: readonly PlanWarning[];
}

/** "Widoki planu": tables computed from the live document. */
function PlanViewsPanelContent({ plan, proposals, warnings }: PlanViewsPanelProps) {
  const { t } = useTranslation();
  return (
    <div className="plan-views">
      <p className="plan-views__intro muted">{t('blocks.views.intro')}</p>
      <WarningsView warnings={warnings} />
      <FinancingView plan={plan} />
      <TargetGroupMatrixView plan={plan} />
      <RecommendationsView plan={plan} proposals={proposals} />
      <IndicatorTableView plan={plan} />
    </div>
  );
}

const keys = new WeakMap<Plan, string>();

/** What the panel's views show of the plan, as one string (each view also compares its own part, memoByModel). */
function viewsKey(plan: Plan): string {
  let key = keys.get(plan);
  if (key === undefined) {
    key = JSON.stringify([computeFinancing(plan), buildTargetGroupMatrix(plan), groupRecommendations(plan), buildIndicatorTable(plan)]);
    keys.set(plan, key);
  }
  return key;
}

/** Renders again only when a view would show something else, so a read of the live plan while typing commits nothing. */
export const PlanViewsPanel = memo(
  PlanViewsPanelContent,
  (previous, next) =>
    previous.proposals === next.proposals && JSON.stringify(previous.warnings) === JSON.stringify(next.warnings) && (previous.plan === next.plan || viewsKey(previous.plan) === viewsKey(next.plan)),
);

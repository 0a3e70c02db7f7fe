import { useTranslation } from 'react-i18next';
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
export function PlanViewsPanel({ plan, proposals, warnings }: PlanViewsPanelProps) {
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

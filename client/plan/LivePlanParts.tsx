import { useEffect, useMemo } from 'react';
import type { ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { collectPlanWarnings, type PlanWarning } from '../../shared/planViews/collectPlanWarnings.js';
import { directionOptions, goalOptions } from '../editor/nodeViews/blockOptions.js';
import type { BlockViewState, BlockViewStore, TeamMemberOption } from '../editor/nodeViews/BlockViewContext.js';
import { OutlineSidebar } from '../outline/OutlineSidebar.js';
import { PlanViewsPanel } from '../planViews/PlanViewsPanel.js';
import { useLivePlan, type LivePlanStore } from '../planViews/useLivePlan.js';
import { withRecordedStatuses } from '../planViews/withRecordedStatuses.js';

/*
 * The parts of the plan page that show the live plan, each subscribed to the
 * live plan store on its own, so a read of the plan (every few keys while
 * someone types) renders only them, and they render nothing new unless what
 * they show changed (memoByModel). The page around them stays as it is.
 */

type Proposals = ReadonlyMap<string, ProposalState>;

/** The live plan with the decision register's statuses, never the blocks' own attribute; computed once per read. */
function useRecordedPlan(store: LivePlanStore, proposals: Proposals): Plan {
  const livePlan = useLivePlan(store);
  return useMemo(() => withRecordedStatuses(livePlan, proposals), [livePlan, proposals]);
}

export function LiveOutline({ store, proposals }: { store: LivePlanStore; proposals: Proposals }) {
  return <OutlineSidebar plan={useRecordedPlan(store, proposals)} />;
}

export function LivePlanViews({ store, proposals }: { store: LivePlanStore; proposals: Proposals }) {
  const plan = useRecordedPlan(store, proposals);
  const warnings = useMemo(() => collectPlanWarnings(plan), [plan]);
  return <PlanViewsPanel plan={plan} proposals={proposals} warnings={warnings} />;
}

/** Keeps the node views' store (links, warnings, team, editability) in step with the live plan; renders nothing. */
export function BlockViewFeeder({
  store,
  proposals,
  blockViewStore,
  isEditable,
  members,
}: {
  store: LivePlanStore;
  proposals: Proposals;
  blockViewStore: BlockViewStore;
  isEditable: boolean;
  members: readonly TeamMemberOption[];
}) {
  const plan = useRecordedPlan(store, proposals);
  const warnings = useMemo(() => collectPlanWarnings(plan), [plan]);
  useEffect(() => blockViewStore.update(blockViewState(isEditable, plan, warnings, members)), [blockViewStore, isEditable, plan, warnings, members]);
  return null;
}

export function blockViewState(isEditable: boolean, plan: Plan, warnings: readonly PlanWarning[], members: readonly TeamMemberOption[]): BlockViewState {
  return { isEditable, goalOptions: goalOptions(plan), directionOptions: directionOptions(plan), warningsByBlockId: groupByBlock(warnings), members };
}

function groupByBlock(warnings: readonly PlanWarning[]): Map<string, PlanWarning[]> {
  const byBlock = new Map<string, PlanWarning[]>();
  for (const warning of warnings) byBlock.set(warning.blockId, [...(byBlock.get(warning.blockId) ?? []), warning]);
  return byBlock;
}

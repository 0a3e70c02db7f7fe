import type { ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { Plan, PlanBlock } from '../../shared/domain/Plan.js';
import type { BlockStatus } from '../../shared/domain/taxonomy.js';

/**
 * The plan with each direction's and recommendation's `status` replaced by the
 * decision register's (the attribute in the document is not trusted; a block
 * without a record is a draft, and a withdrawn one counts as a draft again).
 */
export function withRecordedStatuses(plan: Plan, proposals: ReadonlyMap<string, ProposalState>): Plan {
  const recorded = (block: { id: string }): BlockStatus => {
    const status = proposals.get(block.id)?.status ?? 'draft';
    // A changed agreed block still counts as agreed in sums and groups; its badge (from the proposal state) says it changed.
    return status === 'withdrawn' ? 'draft' : status === 'changedSinceAgreement' ? 'agreed' : status;
  };
  const overlay = (block: PlanBlock): PlanBlock =>
    block.type === 'interventionDirection' || block.type === 'recommendation' ? { ...block, status: recorded(block) } : block;
  return { ...plan, sections: plan.sections.map((section) => ({ ...section, blocks: section.blocks.map(overlay) })) };
}

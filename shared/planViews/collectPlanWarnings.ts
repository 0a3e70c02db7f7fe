import type { Plan } from '../domain/Plan.js';
import { listPlanBlocks } from './listPlanBlocks.js';
import { toMinorUnits } from './toMinorUnits.js';

export type PlanWarningCode =
  | 'idMissing'
  | 'duplicateId'
  | 'fundingMismatch'
  | 'goalRefMissing'
  | 'goalRefUnresolved'
  | 'parentUnresolved'
  | 'directionRefUnresolved'
  | 'directionWithoutIndicator'
  | 'timeframeInvalid'
  | 'proposerUnknown';

/**
 * A problem the editor shows next to a block. The plan stays editable; the
 * UI translates `code` with `params`, `message` is the English fallback.
 */
export interface PlanWarning {
  code: PlanWarningCode;
  blockId: string;
  sectionKey: string;
  /** The block's place in the plan file, e.g. 'sections[4].blocks[2]'. */
  path: string;
  message: string;
  params: Record<string, string | number>;
}

/**
 * Block-level consistency warnings: money that does not add up, references
 * pointing nowhere, directions without any indicator, duplicate ids.
 * Rejected directions are not expected to have indicators.
 */
export function collectPlanWarnings(plan: Pick<Plan, 'sections' | 'team'>): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const blocks = listPlanBlocks(plan);
  const typeById = new Map<string, string>();
  const seenIds = new Set<string>();
  const teamIds = new Set(plan.team.map((member) => member.id));

  for (const { block, sectionKey, path } of blocks) {
    if (block.type === 'paragraph' || block.type === 'richText') continue;
    const warn = (code: PlanWarningCode, message: string, params: Record<string, string | number> = {}): void => {
      warnings.push({ code, blockId: block.id, sectionKey, path, message, params });
    };
    if (block.id === '') warn('idMissing', 'The block has no id.');
    else if (seenIds.has(block.id)) warn('duplicateId', `The id '${block.id}' is used by another block.`, { id: block.id });
    seenIds.add(block.id);
    if (!typeById.has(block.id)) typeById.set(block.id, block.type);
  }

  const indicatorDirectionRefs = new Set(
    listPlanBlocks(plan, 'indicator').flatMap(({ block }) => block.directionRefs),
  );

  for (const { block, sectionKey, path } of blocks) {
    if (block.type === 'paragraph' || block.type === 'richText') continue;
    const warn = (code: PlanWarningCode, message: string, params: Record<string, string | number> = {}): void => {
      warnings.push({ code, blockId: block.id, sectionKey, path, message, params });
    };
    const checkGoalRef = (goalRef: string | null): void => {
      if (goalRef !== null && typeById.get(goalRef) !== 'goal') {
        warn('goalRefUnresolved', `The goal '${goalRef}' does not exist.`, { ref: goalRef });
      }
    };
    const checkDirectionRefs = (refs: readonly string[]): void => {
      for (const ref of refs) {
        if (typeById.get(ref) !== 'interventionDirection') {
          warn('directionRefUnresolved', `The intervention direction '${ref}' does not exist.`, { ref });
        }
      }
    };

    switch (block.type) {
      case 'goal':
        if (block.parentId !== null && typeById.get(block.parentId) !== 'goal') {
          warn('parentUnresolved', `The parent goal '${block.parentId}' does not exist.`, { ref: block.parentId });
        }
        break;
      case 'interventionDirection': {
        if (block.goalRef === null) warn('goalRefMissing', 'The direction serves no goal.');
        checkGoalRef(block.goalRef);
        const funding = block.fundingSources.reduce((sum, share) => sum + toMinorUnits(share.amount), 0);
        const cost = toMinorUnits(block.estimatedCost.amount);
        if (funding !== cost) {
          warn('fundingMismatch', `Funding sources add up to ${funding / 100}, the estimated cost is ${cost / 100}.`, {
            funding: funding / 100,
            cost: cost / 100,
          });
        }
        if (block.status !== 'rejected' && block.indicators.length === 0 && !indicatorDirectionRefs.has(block.id)) {
          warn('directionWithoutIndicator', 'No indicator measures this direction.');
        }
        const { start, end } = block.timeframe;
        if ((start === '') !== (end === '') || start > end) {
          warn('timeframeInvalid', `The timeframe ${start || '?'}–${end || '?'} is incomplete or ends before it starts.`, {
            start,
            end,
          });
        }
        break;
      }
      case 'recommendation':
        checkDirectionRefs(block.relatedDirections);
        if (block.proposedBy !== '' && !teamIds.has(block.proposedBy)) {
          warn('proposerUnknown', `'${block.proposedBy}' is not a team member.`, { ref: block.proposedBy });
        }
        break;
      case 'indicator':
        checkGoalRef(block.goalRef);
        checkDirectionRefs(block.directionRefs);
        break;
    }
  }
  return warnings;
}

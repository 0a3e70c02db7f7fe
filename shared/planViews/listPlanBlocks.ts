import type { Plan, PlanBlock } from '../domain/Plan.js';

export interface LocatedBlock<Block extends PlanBlock = PlanBlock> {
  block: Block;
  sectionKey: string;
  /** Where the block is in the plan file, e.g. 'sections[4].blocks[2]'. */
  path: string;
}

/** Every block of the plan in document order, with where it sits; optionally only one type. */
export function listPlanBlocks<Type extends PlanBlock['type'] = PlanBlock['type']>(
  plan: Pick<Plan, 'sections'>,
  type?: Type,
): LocatedBlock<Extract<PlanBlock, { type: Type }>>[] {
  const located: LocatedBlock<Extract<PlanBlock, { type: Type }>>[] = [];
  plan.sections.forEach((section, sectionIndex) => {
    section.blocks.forEach((block, blockIndex) => {
      if (type === undefined || block.type === type) {
        located.push({
          block: block as Extract<PlanBlock, { type: Type }>,
          sectionKey: section.key,
          path: `sections[${sectionIndex}].blocks[${blockIndex}]`,
        });
      }
    });
  });
  return located;
}

import type { Plan, TypedBlockType } from '../../shared/domain/Plan.js';
import type { SectionStatus } from '../../shared/domain/taxonomy.js';

export interface OutlineEntry {
  index: number;
  key: string;
  title: string;
  status: SectionStatus;
  counts: Record<TypedBlockType, number>;
}

/** One entry per section in document order, with how many typed blocks of each kind it holds. */
export function buildOutline(plan: Pick<Plan, 'sections'>): OutlineEntry[] {
  return plan.sections.map((section, index) => {
    const counts: Record<TypedBlockType, number> = { interventionDirection: 0, recommendation: 0, goal: 0, indicator: 0 };
    for (const block of section.blocks) {
      if (block.type in counts) counts[block.type as TypedBlockType] += 1;
    }
    return { index, key: section.key, title: section.title, status: section.status ?? 'draft', counts };
  });
}

import type { TypedBlockType } from '../domain/Plan.js';

/**
 * Which fields of each typed block are text a person types (child nodes of
 * the block, see shared/domain/blockFields.ts), as field paths without list
 * positions: `actions.text` is the text of every action. The comparison shows
 * these word by word; everything else (ids, codes, references, amounts,
 * years, dates) is an attribute and changes as a whole.
 */
export const BLOCK_TEXT_FIELDS: Record<TypedBlockType, { plain: ReadonlySet<string>; rich: ReadonlySet<string> }> = {
  goal: { plain: new Set(['title']), rich: new Set(['description']) },
  interventionDirection: {
    plain: new Set(['title', 'actions.text', 'responsible', 'partners', 'indicators.name', 'indicators.source', 'estimatedCost.note']),
    rich: new Set(['description']),
  },
  recommendation: { plain: new Set(['title', 'addressees']), rich: new Set(['content', 'rationale']) },
  indicator: { plain: new Set(['name', 'source', 'responsible']), rich: new Set() },
};

/** `indicators[2].name` → `indicators.name`. */
export function fieldPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

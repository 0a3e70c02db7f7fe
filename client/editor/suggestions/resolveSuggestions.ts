import type { Transaction } from '@tiptap/pm/state';
import { SUGGESTION_DELETION, SUGGESTION_INSERTION } from '../../../shared/suggestions/SuggestionAttributes.js';
import type { Suggestion, SuggestionRange } from './collectSuggestions.js';

/**
 * Accepting keeps suggested insertions as ordinary text and removes text
 * suggested for deletion; rejecting (or the author withdrawing) does the
 * opposite. Works on the ranges from collectSuggestions for the same document.
 */
export function resolveSuggestions(tr: Transaction, suggestions: readonly Suggestion[], isAccepting: boolean): void {
  const { schema } = tr.doc.type;
  const ranges: (SuggestionRange & { id: string; authorId: string })[] = suggestions.flatMap((suggestion) =>
    suggestion.ranges.map((range) => ({ ...range, id: suggestion.id, authorId: suggestion.authorId })),
  );
  // From the end, and mapped: a run overlapping one already removed shrinks to what is left of it.
  ranges.sort((a, b) => b.from - a.from);
  const firstStep = tr.steps.length;
  for (const original of ranges) {
    const mapping = tr.mapping.slice(firstStep);
    const from = mapping.map(original.from, 1);
    const to = mapping.map(original.to, -1);
    if (from >= to) continue;
    const range = { ...original, from, to };
    const isKept = (range.kind === 'insertion') === isAccepting;
    const markType = schema.marks[range.kind === 'insertion' ? SUGGESTION_INSERTION : SUGGESTION_DELETION];
    if (markType === undefined) continue;
    if (!isKept) {
      tr.delete(range.from, range.to);
      continue;
    }
    // Only this suggestion's mark: a deletion someone else suggested on the same text stays.
    tr.doc.nodesBetween(range.from, range.to, (node, pos) => {
      const mark = node.marks.find((candidate) => candidate.type === markType && candidate.attrs['suggestionId'] === range.id && candidate.attrs['authorId'] === range.authorId);
      if (mark) tr.removeMark(Math.max(pos, range.from), Math.min(pos + node.nodeSize, range.to), mark);
      return !node.isText;
    });
  }
}

import type { Transaction } from '@tiptap/pm/state';
import type { Mark, MarkType } from '@tiptap/pm/model';
import { readFormatChange } from '../../../shared/suggestions/FormatChange.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION, type SuggestionKind } from '../../../shared/suggestions/SuggestionAttributes.js';
import type { Suggestion, SuggestionRange } from './collectSuggestions.js';

/**
 * Accepting keeps suggested insertions as ordinary text and removes text
 * suggested for deletion; rejecting (or the author withdrawing) does the
 * opposite. Accepting a formatting suggestion keeps the formatting, rejecting
 * it restores what it recorded (added formats off, removed ones back); either
 * way its mark goes. Works on the ranges from collectSuggestions for the same
 * document.
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
    const markType = schema.marks[MARK_NAMES[range.kind]];
    if (markType === undefined) continue;
    if (range.kind !== 'formatting' && (range.kind === 'insertion') !== isAccepting) {
      tr.delete(range.from, range.to);
      continue;
    }
    // Only this suggestion's mark: a deletion someone else suggested on the same text stays.
    const runs: { from: number; to: number; mark: Mark }[] = [];
    tr.doc.nodesBetween(range.from, range.to, (node, pos) => {
      const mark = node.marks.find((candidate) => candidate.type === markType && candidate.attrs['suggestionId'] === range.id && candidate.attrs['authorId'] === range.authorId);
      if (mark) runs.push({ from: Math.max(pos, range.from), to: Math.min(pos + node.nodeSize, range.to), mark });
      return !node.isText;
    });
    for (const run of runs) {
      tr.removeMark(run.from, run.to, run.mark);
      if (range.kind === 'formatting' && !isAccepting) revertFormatting(tr, run.from, run.to, run.mark, schema.marks);
    }
  }
}

const MARK_NAMES: Record<SuggestionKind, string> = { insertion: SUGGESTION_INSERTION, deletion: SUGGESTION_DELETION, formatting: SUGGESTION_FORMAT };

function revertFormatting(tr: Transaction, from: number, to: number, mark: Mark, markTypes: Readonly<Record<string, MarkType>>): void {
  const change = readFormatChange(mark.attrs);
  if (change === null) return;
  for (const name of change.added) {
    const type = markTypes[name];
    if (type) tr.removeMark(from, to, type);
  }
  for (const name of change.removed) {
    const type = markTypes[name];
    if (type) tr.addMark(from, to, type.create());
  }
}

import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import {
  SUGGESTABLE_FORMATS,
  formatChangeBetween,
  formatsBeforeChange,
  isSuggestableFormat,
  readFormatSuggestion,
  type SuggestableFormat,
} from '../../../shared/suggestions/FormatChange.js';
import { SUGGESTION_FORMAT } from '../../../shared/suggestions/SuggestionAttributes.js';
import type { SuggestionAuthor } from './SuggestionAuthor.js';
import { newSuggestionId, suggestionAttributes } from './suggestEdits.js';

interface MarkRange {
  from: number;
  to: number;
}

/**
 * The ranges a transaction changes bold/italic on, when that is all it does
 * (toggleBold, toggleItalic, their shortcuts): such a transaction may pass
 * while suggesting and becomes a formatting suggestion. Null for anything
 * else, or when the range holds another member's formatting suggestion (one
 * mark per character, and it is theirs to withdraw).
 */
export function suggestableFormatRanges(tr: Transaction, authorId: string): MarkRange[] | null {
  if (tr.steps.length === 0) return null;
  const ranges: MarkRange[] = [];
  for (const step of tr.steps) {
    if (!(step instanceof AddMarkStep || step instanceof RemoveMarkStep) || !isSuggestableFormat(step.mark.type.name)) return null;
    ranges.push({ from: step.from, to: step.to });
  }
  const isOthers = ranges.some(({ from, to }) => {
    let found = false;
    tr.before.nodesBetween(from, to, (node) => {
      const suggestion = node.isText ? readFormatSuggestion(node.marks.find((mark) => mark.type.name === SUGGESTION_FORMAT)?.attrs) : null;
      if (suggestion !== null && suggestion.authorId !== authorId) found = true;
      return !found;
    });
    return found;
  });
  return isOthers ? null : ranges;
}

/**
 * After bold/italic changed on `ranges` (positions are the same in both
 * documents: mark steps move nothing), gives every changed run the author's
 * formatting-suggestion mark recording what changed against the text as it
 * was before any pending formatting suggestion of theirs; a run back to that
 * state loses the mark (toggling twice withdraws). A run keeps the id and
 * time of the author's suggestion it already carried.
 */
export function recordFormatSuggestion(tr: Transaction, before: ProseMirrorNode, ranges: readonly MarkRange[], author: SuggestionAuthor): void {
  const formatType = tr.doc.type.schema.marks[SUGGESTION_FORMAT];
  if (formatType === undefined) return;
  const fresh = suggestionAttributes(author, newSuggestionId(author));
  for (const { from, to } of ranges) {
    for (const [start, end] of textRuns(before, tr.doc, from, to)) {
      const oldMarks = before.nodeAt(start)?.marks ?? [];
      const newMarks = tr.doc.nodeAt(start)?.marks ?? [];
      const previous = readFormatSuggestion(oldMarks.find((mark) => mark.type === formatType)?.attrs);
      const original = (previous === null ? null : formatsBeforeChange(formatsOf(oldMarks), previous)) ?? formatsOf(oldMarks);
      const change = formatChangeBetween(original, formatsOf(newMarks));
      if (change === null) {
        tr.removeMark(start, end, formatType);
        continue;
      }
      const { suggestionId, createdAt } = previous ?? fresh;
      tr.addMark(start, end, formatType.create({ ...fresh, suggestionId, createdAt, ...change }));
    }
  }
}

function formatsOf(marks: readonly Mark[]): Set<SuggestableFormat> {
  return new Set(SUGGESTABLE_FORMATS.filter((name) => marks.some((mark) => mark.type.name === name)));
}

/** [from, to) cut at every text node boundary of either document, text only. */
function textRuns(before: ProseMirrorNode, after: ProseMirrorNode, from: number, to: number): [number, number][] {
  const cuts = new Set<number>();
  for (const doc of [before, after]) {
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true;
      cuts.add(Math.max(pos, from));
      cuts.add(Math.min(pos + node.nodeSize, to));
      return false;
    });
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const start = sorted[index] ?? 0;
    const end = sorted[index + 1] ?? 0;
    if (before.nodeAt(start)?.isText && after.nodeAt(start)?.isText) runs.push([start, end]);
  }
  return runs;
}

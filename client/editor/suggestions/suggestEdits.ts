import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { readFormatSuggestion } from '../../../shared/suggestions/FormatChange.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION, readSuggestionAttributes, type SuggestionAttributes } from '../../../shared/suggestions/SuggestionAttributes.js';
import type { SuggestionAuthor } from './SuggestionAuthor.js';

/** A suggestion id unlikely to collide between members suggesting at the same moment. */
export function newSuggestionId(author: SuggestionAuthor): string {
  return `${author.id.slice(0, 8)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function suggestionAttributes(author: SuggestionAuthor, suggestionId: string): SuggestionAttributes {
  return { suggestionId, authorId: author.id, authorName: author.name, authorColor: author.color, createdAt: new Date().toISOString() };
}

function ownSuggestion(marks: readonly Mark[], markName: string, authorId: string): SuggestionAttributes | null {
  const mark = marks.find((candidate) => candidate.type.name === markName);
  const attributes = mark ? readSuggestionAttributes(mark.attrs) : null;
  return attributes?.authorId === authorId ? attributes : null;
}

/**
 * The suggestion to continue at `pos`: the author's own suggestion of that
 * kind right before or after it, attributes and all (same id and time), so a
 * word typed or deleted key by key stays one suggestion and one mark; else a
 * new one.
 */
function continuedSuggestion(doc: ProseMirrorNode, pos: number, markName: string, author: SuggestionAuthor): SuggestionAttributes {
  const $pos = doc.resolve(pos);
  const neighbour = ownSuggestion($pos.nodeBefore?.marks ?? [], markName, author.id) ?? ownSuggestion($pos.nodeAfter?.marks ?? [], markName, author.id);
  return neighbour ?? suggestionAttributes(author, newSuggestionId(author));
}

/**
 * Suggests removing [from, to): the author's own suggested text is removed
 * for real (that withdraws it), text already suggested for deletion stays as
 * it is, any other text gets the author's deletion mark. Only text: the
 * blocks around it are never joined.
 */
export function suggestDeletion(tr: Transaction, from: number, to: number, author: SuggestionAuthor, suggestion?: SuggestionAttributes): void {
  if (from >= to) return;
  const deletionType = tr.doc.type.schema.marks[SUGGESTION_DELETION];
  if (deletionType === undefined) return;
  const attributes = suggestion ?? continuedSuggestion(tr.doc, from, SUGGESTION_DELETION, author);
  const segments: { from: number; to: number; isOwnInsertion: boolean; isDeleted: boolean }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    segments.push({
      from: Math.max(pos, from),
      to: Math.min(pos + node.nodeSize, to),
      isOwnInsertion: ownSuggestion(node.marks, SUGGESTION_INSERTION, author.id) !== null,
      isDeleted: node.marks.some((mark) => mark.type === deletionType),
    });
    return false;
  });
  // From the end, so the positions of the segments still to do stay valid.
  for (const segment of segments.reverse()) {
    if (segment.isOwnInsertion) tr.delete(segment.from, segment.to);
    else if (!segment.isDeleted) tr.addMark(segment.from, segment.to, deletionType.create(attributes));
  }
}

/**
 * Suggests `text` at `pos`, with the formatting around it and the author's
 * insertion mark. Inside a pending formatting suggestion it takes the
 * formatting from before it, so accepting the insertion alone does not
 * accept the formatting too.
 */
export function suggestInsertion(tr: Transaction, pos: number, text: string, author: SuggestionAuthor, suggestion?: SuggestionAttributes): number {
  const { schema } = tr.doc.type;
  const insertionType = schema.marks[SUGGESTION_INSERTION];
  if (insertionType === undefined || text === '') return pos;
  const $pos = tr.doc.resolve(pos);
  if (!$pos.parent.inlineContent) return pos;
  const attributes = suggestion ?? continuedSuggestion(tr.doc, pos, SUGGESTION_INSERTION, author);
  const marksHere = $pos.parent.type.allowsMarkType(insertionType) ? $pos.marks() : [];
  const formatChange = readFormatSuggestion(marksHere.find((mark) => mark.type.name === SUGGESTION_FORMAT)?.attrs);
  const around = marksHere
    .filter((mark) => mark.type.name !== SUGGESTION_INSERTION && mark.type.name !== SUGGESTION_DELETION && mark.type.name !== SUGGESTION_FORMAT)
    .filter((mark) => !(formatChange?.added as readonly string[] | undefined)?.includes(mark.type.name))
    .concat((formatChange?.removed ?? []).flatMap((name) => schema.marks[name]?.create() ?? []));
  const marks = [...around, insertionType.create(attributes)].filter((mark) => $pos.parent.type.allowsMarkType(mark.type));
  tr.insert(pos, schema.text(text, marks));
  return pos + text.length;
}

/** Typing over [from, to) while suggesting: one suggestion that deletes the old text and inserts the new after it. */
export function suggestReplacement(tr: Transaction, from: number, to: number, text: string, author: SuggestionAuthor): number {
  const replacement = from < to ? suggestionAttributes(author, newSuggestionId(author)) : undefined;
  suggestDeletion(tr, from, to, author, replacement);
  return suggestInsertion(tr, tr.mapping.map(to), text, author, replacement);
}

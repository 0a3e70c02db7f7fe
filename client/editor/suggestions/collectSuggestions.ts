import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { SUGGESTION_DELETION, SUGGESTION_INSERTION, readSuggestionAttributes, type SuggestionKind } from '../../../shared/suggestions/SuggestionAttributes.js';

/** One run of suggested text in the document. */
export interface SuggestionRange {
  kind: SuggestionKind;
  from: number;
  to: number;
}

/** A suggestion as the side panel shows it: all runs that share its id. */
export interface Suggestion {
  id: string;
  authorId: string;
  authorName: string;
  authorColor: string;
  createdAt: string;
  ranges: SuggestionRange[];
  insertedText: string;
  deletedText: string;
}

const KINDS: readonly [string, SuggestionKind][] = [
  [SUGGESTION_INSERTION, 'insertion'],
  [SUGGESTION_DELETION, 'deletion'],
];

/** Every suggestion in the document, in document order. */
export function collectSuggestions(doc: ProseMirrorNode): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = KINDS.find(([name]) => name === mark.type.name)?.[1];
      const attributes = kind === undefined ? null : readSuggestionAttributes(mark.attrs);
      if (kind === undefined || attributes === null) continue;
      const key = `${attributes.authorId}:${attributes.suggestionId}`;
      let suggestion = byId.get(key);
      if (suggestion === undefined) {
        suggestion = { id: attributes.suggestionId, ...attributes, ranges: [], insertedText: '', deletedText: '' };
        byId.set(key, suggestion);
      }
      const last = suggestion.ranges[suggestion.ranges.length - 1];
      if (last !== undefined && last.kind === kind && last.to === pos) last.to = pos + node.nodeSize;
      else suggestion.ranges.push({ kind, from: pos, to: pos + node.nodeSize });
      if (kind === 'insertion') suggestion.insertedText += node.text ?? '';
      else suggestion.deletedText += node.text ?? '';
    }
    return false;
  });
  return [...byId.values()];
}

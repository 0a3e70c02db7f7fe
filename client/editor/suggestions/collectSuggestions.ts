import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { SUGGESTABLE_FORMATS, readFormatChange, type SuggestableFormat } from '../../../shared/suggestions/FormatChange.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION, readSuggestionAttributes, type SuggestionKind } from '../../../shared/suggestions/SuggestionAttributes.js';

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
  /** The text a formatting suggestion changes, and the formats it adds and removes (over all its runs). */
  formattedText: string;
  addedFormats: SuggestableFormat[];
  removedFormats: SuggestableFormat[];
}

const KINDS: readonly [string, SuggestionKind][] = [
  [SUGGESTION_INSERTION, 'insertion'],
  [SUGGESTION_DELETION, 'deletion'],
  [SUGGESTION_FORMAT, 'formatting'],
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
        suggestion = { id: attributes.suggestionId, ...attributes, ranges: [], insertedText: '', deletedText: '', formattedText: '', addedFormats: [], removedFormats: [] };
        byId.set(key, suggestion);
      }
      const last = suggestion.ranges[suggestion.ranges.length - 1];
      if (last !== undefined && last.kind === kind && last.to === pos) last.to = pos + node.nodeSize;
      else suggestion.ranges.push({ kind, from: pos, to: pos + node.nodeSize });
      if (kind === 'insertion') suggestion.insertedText += node.text ?? '';
      else if (kind === 'deletion') suggestion.deletedText += node.text ?? '';
      else addFormatting(suggestion, node.text ?? '', mark.attrs);
    }
    return false;
  });
  return [...byId.values()];
}

function addFormatting(suggestion: Suggestion, text: string, attrs: unknown): void {
  const change = readFormatChange(attrs);
  suggestion.formattedText += text;
  if (change === null) return;
  suggestion.addedFormats = SUGGESTABLE_FORMATS.filter((name) => suggestion.addedFormats.includes(name) || change.added.includes(name));
  suggestion.removedFormats = SUGGESTABLE_FORMATS.filter((name) => suggestion.removedFormats.includes(name) || change.removed.includes(name));
}

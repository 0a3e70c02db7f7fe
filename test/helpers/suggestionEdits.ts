import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import type { FormatChange } from '../../shared/suggestions/FormatChange.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION, type SuggestionAttributes } from '../../shared/suggestions/SuggestionAttributes.js';

/** The attributes of a suggestion mark by `authorId`, as the editor writes them. */
export function suggestionBy(authorId: string, suggestionId = `s-${authorId}`): SuggestionAttributes {
  return { suggestionId, authorId, authorName: authorId, authorColor: '#0f766e', createdAt: '2026-12-01T12:00:00.000Z' };
}

export const insertionBy = (authorId: string, suggestionId?: string) => ({ [SUGGESTION_INSERTION]: suggestionBy(authorId, suggestionId) });
export const deletionBy = (authorId: string, suggestionId?: string) => ({ [SUGGESTION_DELETION]: suggestionBy(authorId, suggestionId) });
/** The `suggestionFormat` attribute of a formatting suggestion by `authorId` recording `change`. */
export const formatBy = (authorId: string, change: Partial<FormatChange>, suggestionId?: string) => ({
  [SUGGESTION_FORMAT]: { ...suggestionBy(authorId, suggestionId), added: change.added ?? [], removed: change.removed ?? [] },
});

/**
 * A hand-made update: `edit` runs on a copy of `base` and the result is what
 * it changed, exactly as a client would send it (no editor, no checks).
 */
export function handMadeUpdate(base: Y.Doc, edit: (content: Y.XmlFragment) => void): Uint8Array {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(scratch);
  edit(scratch.getXmlFragment(CONTENT_FIELD));
  const update = Y.encodeStateAsUpdate(scratch, before);
  scratch.destroy();
  return update;
}

/** The first Y.XmlText of the paragraph at `index` of the content. */
export function paragraphText(content: Y.XmlFragment, index = 0): Y.XmlText {
  const paragraph = content.get(index);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`no text in paragraph ${index}`);
  return text;
}

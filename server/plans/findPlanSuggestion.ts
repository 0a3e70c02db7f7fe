import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION, readSuggestionAttributes } from '../../shared/suggestions/SuggestionAttributes.js';

/** A suggestion as the server reads it from the document: what it inserts, deletes and formats, in document order. */
export interface PlanSuggestionReference {
  suggestionId: string;
  authorId: string;
  authorName: string;
  insertedText: string;
  deletedText: string;
  /** The text whose formatting it changes. */
  formattedText: string;
}

/**
 * The suggestion with this id by this author anywhere in the plan's content, or
 * null when none of its text is left (accepted, rejected, withdrawn or deleted).
 * Suggestion ids are chosen by each author's client, so the author is part of the key.
 */
export function findPlanSuggestion(doc: Y.Doc, authorId: string, suggestionId: string): PlanSuggestionReference | null {
  let found: PlanSuggestionReference | null = null;
  const stack: Array<Y.XmlElement | Y.XmlFragment> = [doc.getXmlFragment(CONTENT_FIELD)];
  // Depth first, children in order: the texts come out in document order.
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    const children = node.toArray();
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child instanceof Y.XmlElement) stack.push(child);
    }
    for (const child of children) {
      if (!(child instanceof Y.XmlText)) continue;
      for (const run of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof run.insert !== 'string' || run.attributes === undefined) continue;
        for (const [markName, key] of [[SUGGESTION_INSERTION, 'insertedText'], [SUGGESTION_DELETION, 'deletedText'], [SUGGESTION_FORMAT, 'formattedText']] as const) {
          const attributes = readSuggestionAttributes(run.attributes[markName]);
          if (attributes === null || attributes.authorId !== authorId || attributes.suggestionId !== suggestionId) continue;
          found ??= { suggestionId, authorId, authorName: attributes.authorName, insertedText: '', deletedText: '', formattedText: '' };
          found[key] += run.insert;
        }
      }
    }
  }
  return found;
}

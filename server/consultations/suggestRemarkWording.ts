import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { SUGGESTION_DELETION, SUGGESTION_INSERTION, type SuggestionAttributes } from '../../shared/suggestions/SuggestionAttributes.js';

export type SuggestionPlacement = 'replacesQuote' | 'appended';

/**
 * Writes a remark's proposed wording into the working copy as suggestions of
 * the person who accepted it: the quoted passage (when it is found, within one
 * run of text of the block) marked for deletion with the wording inserted
 * after it; otherwise the wording inserted at the end of the block's first
 * text. The team then accepts or rejects it like any other suggestion.
 * Returns null when the block is not in the working copy any more.
 */
export function suggestRemarkWording(
  doc: Y.Doc,
  input: { blockId: string; quote: string; wording: string; attributes: SuggestionAttributes },
): SuggestionPlacement | null {
  const block = findBlockElement(doc.getXmlFragment(CONTENT_FIELD), input.blockId);
  if (block === null) return null;
  const texts = textsOf(block);
  if (input.quote !== '') {
    for (const text of texts) {
      const index = plainText(text).indexOf(input.quote);
      if (index < 0) continue;
      text.format(index, input.quote.length, { [SUGGESTION_DELETION]: { ...input.attributes } });
      text.insert(index + input.quote.length, input.wording, { [SUGGESTION_INSERTION]: { ...input.attributes } });
      return 'replacesQuote';
    }
  }
  // The first paragraph's text: a rich field (content, description) comes before lists in every block.
  const target = texts.find((text) => text.parent instanceof Y.XmlElement && text.parent.nodeName === 'paragraph') ?? texts[0];
  if (target === undefined) return null;
  const separator = plainText(target).length === 0 ? '' : ' ';
  target.insert(target.length, `${separator}${input.wording}`, { [SUGGESTION_INSERTION]: { ...input.attributes } });
  return 'appended';
}

function findBlockElement(root: Y.XmlFragment, blockId: string): Y.XmlElement | null {
  const stack: Array<Y.XmlElement | Y.XmlFragment> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const child of node?.toArray() ?? []) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.getAttribute('id') === blockId) return child;
      stack.push(child);
    }
  }
  return null;
}

/** The block's text nodes in document order. */
function textsOf(element: Y.XmlElement): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) texts.push(child);
    else if (child instanceof Y.XmlElement) texts.push(...textsOf(child));
  }
  return texts;
}

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert?: unknown }>).map((part) => (typeof part.insert === 'string' ? part.insert : '')).join('');
}

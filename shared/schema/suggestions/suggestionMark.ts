import { Mark, mergeAttributes } from '@tiptap/core';
import { SUGGESTION_DELETION, SUGGESTION_INSERTION, readSuggestionAttributes } from '../../suggestions/SuggestionAttributes.js';

const ATTRIBUTE_NAMES = ['suggestionId', 'authorId', 'authorName', 'authorColor', 'createdAt'] as const;

/**
 * One kind of suggestion as an inline mark (never a node mark or a block
 * attribute: y-prosemirror syncs only inline marks, as Y.XmlText formatting).
 * Not inclusive, so text typed right after a suggestion by someone editing is
 * plain text, not part of it.
 */
function createSuggestionMark(name: string, tag: 'ins' | 'del') {
  return Mark.create({
    name,

    inclusive: false,

    // A character may be both suggested by one member and suggested for deletion by another.
    excludes: name,

    addAttributes() {
      return Object.fromEntries(
        ATTRIBUTE_NAMES.map((attribute) => [
          attribute,
          {
            default: '',
            parseHTML: (element: HTMLElement) => element.getAttribute(`data-${attribute.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`) ?? '',
            renderHTML: () => ({}),
          },
        ]),
      );
    },

    parseHTML() {
      return [{ tag: `${tag}[data-suggestion-id]` }];
    },

    renderHTML({ mark, HTMLAttributes }) {
      const attributes = readSuggestionAttributes(mark.attrs);
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: `suggestion suggestion--${tag === 'ins' ? 'insertion' : 'deletion'}`,
          'data-suggestion-id': attributes?.suggestionId ?? '',
          'data-author-id': attributes?.authorId ?? '',
          'data-author-name': attributes?.authorName ?? '',
          'data-created-at': attributes?.createdAt ?? '',
          title: attributes?.authorName ?? '',
          style: `--suggestion-color: ${attributes?.authorColor ?? '#6b7280'}`,
        }),
        0,
      ];
    },
  });
}

/** Text a member suggests adding. */
export const SuggestionInsertion = createSuggestionMark(SUGGESTION_INSERTION, 'ins');
/** Text a member suggests removing (it stays until the suggestion is accepted). */
export const SuggestionDeletion = createSuggestionMark(SUGGESTION_DELETION, 'del');

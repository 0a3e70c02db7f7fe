import { Mark, mergeAttributes, type Attributes } from '@tiptap/core';
import { isSuggestableFormat, type SuggestableFormat } from '../../suggestions/FormatChange.js';
import { SUGGESTION_DELETION, SUGGESTION_FORMAT, SUGGESTION_INSERTION, readSuggestionAttributes } from '../../suggestions/SuggestionAttributes.js';

const ATTRIBUTE_NAMES = ['suggestionId', 'authorId', 'authorName', 'authorColor', 'createdAt'] as const;

/**
 * One kind of suggestion as an inline mark (never a node mark or a block
 * attribute: y-prosemirror syncs only inline marks, as Y.XmlText formatting).
 * Not inclusive, so text typed right after a suggestion by someone editing is
 * plain text, not part of it.
 */
function createSuggestionMark(name: string, tag: 'ins' | 'del' | 'span', kindClass: string, extra: { attributes: Attributes; htmlAttributes: (attrs: Record<string, unknown>) => Record<string, string> } | null = null) {
  return Mark.create({
    name,

    inclusive: false,

    // A character may be both suggested by one member and suggested for deletion by another.
    excludes: name,

    addAttributes() {
      return Object.fromEntries([
        ...ATTRIBUTE_NAMES.map((attribute) => [
          attribute,
          {
            default: '',
            parseHTML: (element: HTMLElement) => element.getAttribute(`data-${attribute.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`) ?? '',
            renderHTML: () => ({}),
          },
        ]),
        ...Object.entries(extra?.attributes ?? {}),
      ]);
    },

    parseHTML() {
      return [{ tag: `${tag}[data-suggestion-id]` }];
    },

    renderHTML({ mark, HTMLAttributes }) {
      const attributes = readSuggestionAttributes(mark.attrs);
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: `suggestion suggestion--${kindClass}`,
          'data-suggestion-id': attributes?.suggestionId ?? '',
          'data-author-id': attributes?.authorId ?? '',
          'data-author-name': attributes?.authorName ?? '',
          'data-created-at': attributes?.createdAt ?? '',
          title: attributes?.authorName ?? '',
          style: `--suggestion-color: ${attributes?.authorColor ?? '#6b7280'}`,
          ...extra?.htmlAttributes(mark.attrs),
        }),
        0,
      ];
    },
  });
}

/** Text a member suggests adding. */
export const SuggestionInsertion = createSuggestionMark(SUGGESTION_INSERTION, 'ins', 'insertion');
/** Text a member suggests removing (it stays until the suggestion is accepted). */
export const SuggestionDeletion = createSuggestionMark(SUGGESTION_DELETION, 'del', 'deletion');

const formatList = (list: unknown): string => (Array.isArray(list) ? list.join(' ') : '');
const readFormatListAttribute = (element: HTMLElement, attribute: string): SuggestableFormat[] =>
  [...new Set((element.getAttribute(attribute) ?? '').split(' ').filter(isSuggestableFormat))];

/**
 * Text whose formatting a member suggests changing: the new formatting is
 * applied to the text, and this mark records what changed (`added`,
 * `removed`), so rejecting restores exactly the old formatting.
 */
export const SuggestionFormat = createSuggestionMark(SUGGESTION_FORMAT, 'span', 'formatting', {
  attributes: {
    added: { default: [], parseHTML: (element: HTMLElement) => readFormatListAttribute(element, 'data-added'), renderHTML: () => ({}) },
    removed: { default: [], parseHTML: (element: HTMLElement) => readFormatListAttribute(element, 'data-removed'), renderHTML: () => ({}) },
  },
  htmlAttributes: (attrs) => ({ 'data-added': formatList(attrs['added']), 'data-removed': formatList(attrs['removed']) }),
});

import { mergeAttributes, Node } from '@tiptap/core';
import { fieldNameAttribute } from './fieldNameAttribute.js';

/**
 * A description-like field of a typed block (a description, a
 * recommendation's content or rationale): paragraphs and lists with marks,
 * collaborative like the section text around it.
 */
export const BlockRichText = Node.create({
  name: 'blockRichText',

  group: 'blockField',

  content: '(paragraph | bulletList | orderedList)+',

  defining: true,

  isolating: true,

  addAttributes() {
    return fieldNameAttribute();
  },

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'div[data-node="blockRichText"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-node': this.name, class: 'plan-field plan-field--rich' }, HTMLAttributes), 0];
  },
});

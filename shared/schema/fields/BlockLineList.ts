import { mergeAttributes, Node } from '@tiptap/core';
import { fieldNameAttribute } from './fieldNameAttribute.js';

/**
 * A list of short texts (responsible bodies, partners, addressees): one child
 * node per entry, so two members adding entries at once both keep theirs.
 */
export const BlockLineList = Node.create({
  name: 'blockLineList',

  group: 'blockField',

  content: 'blockLineItem*',

  isolating: true,

  addAttributes() {
    return fieldNameAttribute();
  },

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'ul[data-node="blockLineList"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['ul', mergeAttributes({ 'data-node': this.name, class: 'plan-field plan-field--list' }, HTMLAttributes), 0];
  },
});

/** One entry of a BlockLineList: plain collaborative text. */
export const BlockLineItem = Node.create({
  name: 'blockLineItem',

  content: 'text*',

  marks: '',

  defining: true,

  isolating: true,

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'li[data-node="blockLineItem"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes({ 'data-node': this.name, class: 'plan-field__item' }, HTMLAttributes), 0];
  },
});

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
    return [{ tag: 'ul[data-node="blockLineList"]' }];
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
    return [{ tag: 'li[data-node="blockLineItem"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes({ 'data-node': this.name, class: 'plan-field__item' }, HTMLAttributes), 0];
  },
});

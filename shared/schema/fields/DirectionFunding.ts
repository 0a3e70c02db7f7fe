import { mergeAttributes, Node } from '@tiptap/core';
import { fundingShareAttributeFields } from '../../domain/blockFields.js';
import { blockAttributes } from '../blockAttributes.js';

/** A direction's funding table, one row node per funding source. */
export const FundingShareList = Node.create({
  name: 'fundingShareList',

  group: 'blockField',

  content: 'fundingShare*',

  isolating: true,

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'div[data-node="fundingShareList"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-node': this.name, 'data-field': 'fundingSources', class: 'plan-field plan-field--table' }, HTMLAttributes), 0];
  },
});

/** One funding row: a source code and an amount, no typed text, so an atom. */
export const FundingShare = Node.create({
  name: 'fundingShare',

  atom: true,

  selectable: false,

  addAttributes() {
    return blockAttributes(fundingShareAttributeFields);
  },

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'div[data-node="fundingShare"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-node': this.name, class: 'plan-field__row' }, HTMLAttributes)];
  },
});

import { mergeAttributes, Node } from '@tiptap/core';
import { createFieldList } from './createFieldList.js';
import { fundingShareAttributeFields } from '../../domain/blockFields.js';
import { blockAttributes } from '../blockAttributes.js';

/** A direction's funding table, one row node per funding source. */
export const FundingShareList = createFieldList({ name: 'fundingShareList', entry: 'fundingShare', tag: 'div', field: 'fundingSources', look: 'table' });

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

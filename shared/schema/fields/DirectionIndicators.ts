import { mergeAttributes, Node } from '@tiptap/core';
import { createFieldList } from './createFieldList.js';
import { directionIndicatorAttributeFields } from '../../domain/blockFields.js';
import { blockAttributes } from '../blockAttributes.js';

/** A direction's indicator table, one row node per indicator. */
export const DirectionIndicatorList = createFieldList({ name: 'directionIndicatorList', entry: 'directionIndicator', tag: 'div', field: 'indicators', look: 'table' });

/**
 * One indicator row: unit and values are attributes, its name and source are
 * two BlockLine children ('name', 'source').
 */
export const DirectionIndicator = Node.create({
  name: 'directionIndicator',

  content: 'blockLine blockLine',

  isolating: true,

  addAttributes() {
    return blockAttributes(directionIndicatorAttributeFields);
  },

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'div[data-node="directionIndicator"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-node': this.name, class: 'plan-field__row' }, HTMLAttributes), 0];
  },
});

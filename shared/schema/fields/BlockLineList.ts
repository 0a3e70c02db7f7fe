import { mergeAttributes, Node } from '@tiptap/core';
import { createFieldList } from './createFieldList.js';
import { SUGGESTION_MARKS_ONLY } from '../../suggestions/SuggestionAttributes.js';

/**
 * A list of short texts (responsible bodies, partners, addressees): one child
 * node per entry, so two members adding entries at once both keep theirs.
 */
export const BlockLineList = createFieldList({ name: 'blockLineList', entry: 'blockLineItem', tag: 'ul', look: 'list' });

/** One entry of a BlockLineList: plain collaborative text. */
export const BlockLineItem = Node.create({
  name: 'blockLineItem',

  content: 'text*',

  // Suggestions only: without them y-tiptap would drop the whole entry once someone suggested a change in it.
  marks: SUGGESTION_MARKS_ONLY,

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

import { mergeAttributes, Node } from '@tiptap/core';
import { createFieldList } from './createFieldList.js';
import { SUGGESTION_MARKS_ONLY } from '../../suggestions/SuggestionAttributes.js';

/** A direction's actions (działania), one child node each. */
export const DirectionActionList = createFieldList({ name: 'directionActionList', entry: 'directionAction', tag: 'ol', field: 'actions', look: 'list' });

/** One action: its id is an attribute (comments and reports point at it), its text collaborative. */
export const DirectionAction = Node.create({
  name: 'directionAction',

  content: 'text*',

  // Suggestions only: without them y-tiptap would drop the whole entry once someone suggested a change in it.
  marks: SUGGESTION_MARKS_ONLY,

  defining: true,

  isolating: true,

  addAttributes() {
    return {
      id: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-id') ?? '',
        renderHTML: (attributes) => ({ 'data-id': String(attributes['id'] ?? '') }),
      },
    };
  },

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'li[data-node="directionAction"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes({ 'data-node': this.name, class: 'plan-field__item' }, HTMLAttributes), 0];
  },
});

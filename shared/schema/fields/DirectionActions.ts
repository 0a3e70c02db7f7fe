import { mergeAttributes, Node } from '@tiptap/core';

/** A direction's actions (działania), one child node each. */
export const DirectionActionList = Node.create({
  name: 'directionActionList',

  group: 'blockField',

  content: 'directionAction*',

  isolating: true,

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'ol[data-node="directionActionList"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['ol', mergeAttributes({ 'data-node': this.name, 'data-field': 'actions', class: 'plan-field plan-field--list' }, HTMLAttributes), 0];
  },
});

/** One action: its id is an attribute (comments and reports point at it), its text collaborative. */
export const DirectionAction = Node.create({
  name: 'directionAction',

  content: 'text*',

  marks: '',

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

import { mergeAttributes, Node } from '@tiptap/core';
import { fieldNameAttribute } from './fieldNameAttribute.js';
import { SUGGESTION_MARKS_ONLY } from '../../suggestions/SuggestionAttributes.js';

/**
 * A single-line text field of a typed block (a title, a name, a source, a
 * cost note): plain collaborative text without marks, one Y.XmlText, so two
 * members typing in it at once both keep every character.
 */
export const BlockLine = Node.create({
  name: 'blockLine',

  group: 'blockField',

  content: 'text*',

  // Suggestions only: without them y-tiptap would drop the whole field once someone suggested a change in it.
  marks: SUGGESTION_MARKS_ONLY,

  defining: true,

  isolating: true,

  addAttributes() {
    return fieldNameAttribute();
  },

  parseHTML() {
    // Ahead of StarterKit's lists, paragraphs and list items, which match the same tags.
    return [{ tag: 'div[data-node="blockLine"]', priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-node': this.name, class: 'plan-field plan-field--line' }, HTMLAttributes), 0];
  },
});

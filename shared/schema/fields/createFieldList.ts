import { mergeAttributes, Node } from '@tiptap/core';
import { fieldNameAttribute } from './fieldNameAttribute.js';

export interface FieldListConfig {
  name: string;
  /** The node type of its entries. */
  entry: string;
  tag: 'ul' | 'ol' | 'div';
  /** The block field it holds when a block has one list of this type; else a `field` attribute names it. */
  field?: string;
  /** `table` for lists shown as tables (indicators, funding). */
  look: 'list' | 'table';
}

/**
 * A list field of a typed block: one child node per entry, so two members
 * adding entries at once both keep theirs. Only the name, entry type, tag
 * and field differ between the lists.
 */
export function createFieldList({ name, entry, tag, field, look }: FieldListConfig) {
  return Node.create({
    name,

    group: 'blockField',

    content: `${entry}*`,

    isolating: true,

    addAttributes() {
      return field === undefined ? fieldNameAttribute() : {};
    },

    parseHTML() {
      // Ahead of StarterKit's lists and paragraphs, which match the same tags.
      return [{ tag: `${tag}[data-node="${name}"]`, priority: 100 }];
    },

    renderHTML({ HTMLAttributes }) {
      const fixed = field === undefined ? {} : { 'data-field': field };
      return [tag, mergeAttributes({ 'data-node': name, ...fixed, class: `plan-field plan-field--${look}` }, HTMLAttributes), 0];
    },
  });
}

import type { Attributes } from '@tiptap/core';

/**
 * The `field` attribute of a text field node: which field of its block it
 * holds ('title', 'description'…). Readers find a field by it, not by
 * position, so a document a client reordered still reads right.
 */
export function fieldNameAttribute(): Attributes {
  return {
    field: {
      default: '',
      parseHTML: (element) => element.getAttribute('data-field') ?? '',
      renderHTML: (attributes) => ({ 'data-field': String(attributes['field'] ?? '') }),
    },
  };
}

import { useCallback, useRef } from 'react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { BlockField } from '../../../shared/domain/blockFields.js';
import { coerceBlockAttributes } from '../../../shared/planJson/coerceBlockAttributes.js';

/** Changes one attribute of a block. */
export type SetBlockField<Attributes> = <Key extends keyof Attributes & string>(name: Key, value: Attributes[Key]) => void;

/**
 * A node's attributes checked against its field definitions (any client may
 * have written anything into the document), and a setter that changes one
 * field only, so concurrent edits of other fields of the block survive.
 *
 * Typing in a block's text gives the view a new node with new (but equal)
 * attributes on every key; the same attributes object comes back then, and
 * the setter never changes, so the views can memoize their attribute strip.
 */
export function useBlockAttributes<Attributes>(
  fields: { [Key in keyof Attributes]: BlockField<Attributes[Key]> },
  { node, updateAttributes }: { node: ProseMirrorNode; updateAttributes: (attributes: Record<string, unknown>) => void },
): [Attributes, SetBlockField<Attributes>] {
  const last = useRef<{ rawAttrs: ProseMirrorNode['attrs']; json: string; attributes: Attributes } | null>(null);
  const current = last.current;
  let attributes: Attributes;
  if (current !== null && current.rawAttrs === node.attrs) {
    attributes = current.attributes;
  } else {
    const coerced = coerceBlockAttributes(fields, node.attrs, node.type.name);
    const json = JSON.stringify(coerced);
    attributes = current !== null && current.json === json ? current.attributes : coerced;
    last.current = { rawAttrs: node.attrs, json, attributes };
  }
  const setField = useCallback(
    <Key extends keyof Attributes & string>(name: Key, value: Attributes[Key]): void => {
      updateAttributes({ [name]: value });
    },
    [updateAttributes],
  );
  return [attributes, setField];
}

import { useMemo } from 'react';
import type { NodeViewProps } from '@tiptap/react';
import type { BlockField } from '../../../shared/domain/blockFields.js';
import { coerceBlockAttributes } from '../../../shared/planJson/coerceBlockAttributes.js';

/**
 * A node's attributes checked against its field definitions (any client may
 * have written anything into the document), and a setter that changes one
 * field only, so concurrent edits of other fields of the block survive.
 */
export function useBlockAttributes<Attributes>(
  fields: { [Key in keyof Attributes]: BlockField<Attributes[Key]> },
  { node, updateAttributes }: Pick<NodeViewProps, 'node' | 'updateAttributes'>,
): [Attributes, <Key extends keyof Attributes & string>(name: Key, value: Attributes[Key]) => void] {
  const attributes = useMemo(() => coerceBlockAttributes(fields, node.attrs, node.type.name), [fields, node.attrs, node.type.name]);
  const setField = <Key extends keyof Attributes & string>(name: Key, value: Attributes[Key]): void => {
    updateAttributes({ [name]: value });
  };
  return [attributes, setField];
}

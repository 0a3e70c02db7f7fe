import { mergeAttributes, Node, type CommandProps } from '@tiptap/core';
import type { BlockField } from '../domain/blockFields.js';
import type { TypedBlockType } from '../domain/Plan.js';
import { emptyTypedBlockContent } from '../planJson/typedBlockToNode.js';
import { blockAttributes } from './blockAttributes.js';
import { insertTypedBlock } from './insertTypedBlock.js';
import { nextBlockId } from './nextBlockId.js';

export interface TypedBlockOptions {
  HTMLAttributes: Record<string, unknown>;
}

export interface TypedBlockNodeConfig {
  /** Node name, also the block `type` in plan JSON and `data-type` in HTML. */
  name: TypedBlockType;
  /** The block's small structured values (domain/blockFields.ts `…AttributeFields`). */
  attributeFields: Record<string, BlockField<unknown>>;
  /** The block's text fields, in order: child nodes from shared/schema/fields/. */
  content: string;
  /** Prefix of the ids given to new blocks of this type (README §3), e.g. 'KI'. */
  idPrefix: string;
  /** Name of the insert command, typed by each node's `declare module` block. */
  insertCommand: string;
}

/**
 * A typed plan block: its small values (id, codes, amounts, dates) are node
 * attributes, so concurrent changes of different values merge; every text a
 * person types is a child node with inline content, merged character by
 * character (planJson/typedBlockNodes.ts knows the layout).
 */
export function createTypedBlockNode(config: TypedBlockNodeConfig) {
  return Node.create<TypedBlockOptions>({
    name: config.name,

    group: 'planBlock',

    content: config.content,

    // Backspace at the start of a field must not merge it into the text before the block.
    isolating: true,

    defining: true,

    selectable: true,

    draggable: true,

    addOptions() {
      return { HTMLAttributes: {} };
    },

    addAttributes() {
      return blockAttributes(config.attributeFields);
    },

    parseHTML() {
      return [{ tag: `div[data-type="${config.name}"]` }];
    },

    renderHTML({ HTMLAttributes }) {
      return ['div', mergeAttributes({ 'data-type': this.name }, this.options.HTMLAttributes, HTMLAttributes), 0];
    },

    addCommands() {
      const insert =
        (attributes: Record<string, unknown> & { id?: string } = {}) =>
        (props: CommandProps) =>
          insertTypedBlock(props, {
            type: this.name,
            attrs: { ...attributes, id: attributes.id ?? nextBlockId(props.state.doc, config.idPrefix) },
            content: emptyTypedBlockContent(config.name),
          });
      return { [config.insertCommand]: insert };
    },
  });
}

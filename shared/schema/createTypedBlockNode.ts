import { mergeAttributes, Node, type CommandProps } from '@tiptap/core';
import type { BlockField } from '../domain/blockFields.js';
import { blockAttributes } from './blockAttributes.js';
import { insertTypedBlock } from './insertTypedBlock.js';
import { nextBlockId } from './nextBlockId.js';

export interface TypedBlockOptions {
  HTMLAttributes: Record<string, unknown>;
}

export interface TypedBlockNodeConfig {
  /** Node name, also the block `type` in plan JSON and `data-type` in HTML. */
  name: string;
  fields: Record<string, BlockField<unknown>>;
  /** Prefix of the ids given to new blocks of this type (README §3), e.g. 'KI'. */
  idPrefix: string;
  /** The attribute that stands for the block in plain text (copy, search). */
  textAttribute: string;
  /** Name of the insert command, typed by each node's `declare module` block. */
  insertCommand: string;
}

/**
 * The typed plan blocks are atoms whose every field is a node attribute, edited
 * through `updateAttributes`, so each field change is one Yjs attribute change;
 * only their fields, id prefix and command name differ.
 */
export function createTypedBlockNode(config: TypedBlockNodeConfig) {
  return Node.create<TypedBlockOptions>({
    name: config.name,

    group: 'planBlock',

    atom: true,

    selectable: true,

    draggable: true,

    addOptions() {
      return { HTMLAttributes: {} };
    },

    addAttributes() {
      return blockAttributes(config.fields);
    },

    parseHTML() {
      return [{ tag: `div[data-type="${config.name}"]` }];
    },

    renderHTML({ HTMLAttributes }) {
      return ['div', mergeAttributes({ 'data-type': this.name }, this.options.HTMLAttributes, HTMLAttributes)];
    },

    renderText({ node }) {
      return String(node.attrs[config.textAttribute] ?? '');
    },

    addCommands() {
      const insert =
        (attributes: Record<string, unknown> & { id?: string } = {}) =>
        (props: CommandProps) =>
          insertTypedBlock(props, {
            type: this.name,
            attrs: { ...attributes, id: attributes.id ?? nextBlockId(props.state.doc, config.idPrefix) },
          });
      return { [config.insertCommand]: insert };
    },
  });
}

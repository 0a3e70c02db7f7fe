import { mergeAttributes, Node } from '@tiptap/core';
import { interventionDirectionFields, type InterventionDirectionAttributes } from '../../domain/blockFields.js';
import { blockAttributes } from '../blockAttributes.js';
import { insertTypedBlock } from '../insertTypedBlock.js';
import { nextBlockId } from '../nextBlockId.js';

export interface InterventionDirectionOptions {
  HTMLAttributes: Record<string, unknown>;
}

/** Prefix of the ids given to new blocks of this type (README §3). */
export const INTERVENTION_DIRECTION_ID_PREFIX = 'KI';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    interventionDirection: {
      /** Inserts an interventionDirection block at the selection; a missing id gets the next free 'KI-<n>'. */
      insertInterventionDirection: (attributes?: Partial<InterventionDirectionAttributes>) => ReturnType;
    };
  }
}

/**
 * An intervention direction (kierunek interwencji, README §3.1). An atom block: every field is a node attribute, edited
 * through `updateAttributes` by the node view, so each field change is one
 * Yjs attribute change.
 */
export const InterventionDirection = Node.create<InterventionDirectionOptions>({
  name: 'interventionDirection',

  group: 'planBlock',

  atom: true,

  selectable: true,

  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return blockAttributes(interventionDirectionFields);
  },

  parseHTML() {
    return [{ tag: 'div[data-type="interventionDirection"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': this.name }, this.options.HTMLAttributes, HTMLAttributes)];
  },

  renderText({ node }) {
    return String(node.attrs['title'] ?? '');
  },

  addCommands() {
    return {
      insertInterventionDirection:
        (attributes = {}) =>
        (props) =>
          insertTypedBlock(props, {
            type: this.name,
            attrs: { ...attributes, id: attributes.id ?? nextBlockId(props.state.doc, INTERVENTION_DIRECTION_ID_PREFIX) },
          }),
    };
  },
});

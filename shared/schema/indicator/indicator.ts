import { mergeAttributes, Node } from '@tiptap/core';
import { indicatorFields, type IndicatorAttributes } from '../../domain/blockFields.js';
import { blockAttributes } from '../blockAttributes.js';
import { insertTypedBlock } from '../insertTypedBlock.js';
import { nextBlockId } from '../nextBlockId.js';

export interface IndicatorOptions {
  HTMLAttributes: Record<string, unknown>;
}

/** Prefix of the ids given to new blocks of this type (README §3). */
export const INDICATOR_ID_PREFIX = 'W';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    indicator: {
      /** Inserts an indicator block at the selection; a missing id gets the next free 'W-<n>'. */
      insertIndicator: (attributes?: Partial<IndicatorAttributes>) => ReturnType;
    };
  }
}

/**
 * An indicator of the monitoring table (wskaźnik, README §3.4). An atom block: every field is a node attribute, edited
 * through `updateAttributes` by the node view, so each field change is one
 * Yjs attribute change.
 */
export const Indicator = Node.create<IndicatorOptions>({
  name: 'indicator',

  group: 'planBlock',

  atom: true,

  selectable: true,

  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return blockAttributes(indicatorFields);
  },

  parseHTML() {
    return [{ tag: 'div[data-type="indicator"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': this.name }, this.options.HTMLAttributes, HTMLAttributes)];
  },

  renderText({ node }) {
    return String(node.attrs['name'] ?? '');
  },

  addCommands() {
    return {
      insertIndicator:
        (attributes = {}) =>
        (props) =>
          insertTypedBlock(props, {
            type: this.name,
            attrs: { ...attributes, id: attributes.id ?? nextBlockId(props.state.doc, INDICATOR_ID_PREFIX) },
          }),
    };
  },
});

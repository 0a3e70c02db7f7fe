import { mergeAttributes, Node } from '@tiptap/core';
import { recommendationFields, type RecommendationAttributes } from '../../domain/blockFields.js';
import { blockAttributes } from '../blockAttributes.js';
import { insertTypedBlock } from '../insertTypedBlock.js';
import { nextBlockId } from '../nextBlockId.js';

export interface RecommendationOptions {
  HTMLAttributes: Record<string, unknown>;
}

/** Prefix of the ids given to new blocks of this type (README §3). */
export const RECOMMENDATION_ID_PREFIX = 'R';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendation: {
      /** Inserts a recommendation block at the selection; a missing id gets the next free 'R-<n>'. */
      insertRecommendation: (attributes?: Partial<RecommendationAttributes>) => ReturnType;
    };
  }
}

/**
 * A recommendation, model or guideline (README §3.2). An atom block: every field is a node attribute, edited
 * through `updateAttributes` by the node view, so each field change is one
 * Yjs attribute change.
 */
export const Recommendation = Node.create<RecommendationOptions>({
  name: 'recommendation',

  group: 'planBlock',

  atom: true,

  selectable: true,

  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return blockAttributes(recommendationFields);
  },

  parseHTML() {
    return [{ tag: 'div[data-type="recommendation"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': this.name }, this.options.HTMLAttributes, HTMLAttributes)];
  },

  renderText({ node }) {
    return String(node.attrs['title'] ?? '');
  },

  addCommands() {
    return {
      insertRecommendation:
        (attributes = {}) =>
        (props) =>
          insertTypedBlock(props, {
            type: this.name,
            attrs: { ...attributes, id: attributes.id ?? nextBlockId(props.state.doc, RECOMMENDATION_ID_PREFIX) },
          }),
    };
  },
});

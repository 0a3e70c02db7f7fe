import { mergeAttributes, Node } from '@tiptap/core';
import { goalFields, type GoalAttributes } from '../../domain/blockFields.js';
import { blockAttributes } from '../blockAttributes.js';
import { insertTypedBlock } from '../insertTypedBlock.js';
import { nextBlockId } from '../nextBlockId.js';

export interface GoalOptions {
  HTMLAttributes: Record<string, unknown>;
}

/** Prefix of the ids given to new blocks of this type (README §3). */
export const GOAL_ID_PREFIX = 'CS';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    goal: {
      /** Inserts a goal block at the selection; a missing id gets the next free 'CS-<n>'. */
      insertGoal: (attributes?: Partial<GoalAttributes>) => ReturnType;
    };
  }
}

/**
 * A goal of the plan (cel główny / szczegółowy / operacyjny, README §3.3). An atom block: every field is a node attribute, edited
 * through `updateAttributes` by the node view, so each field change is one
 * Yjs attribute change.
 */
export const Goal = Node.create<GoalOptions>({
  name: 'goal',

  group: 'planBlock',

  atom: true,

  selectable: true,

  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return blockAttributes(goalFields);
  },

  parseHTML() {
    return [{ tag: 'div[data-type="goal"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': this.name }, this.options.HTMLAttributes, HTMLAttributes)];
  },

  renderText({ node }) {
    return String(node.attrs['title'] ?? '');
  },

  addCommands() {
    return {
      insertGoal:
        (attributes = {}) =>
        (props) =>
          insertTypedBlock(props, {
            type: this.name,
            attrs: { ...attributes, id: attributes.id ?? nextBlockId(props.state.doc, GOAL_ID_PREFIX) },
          }),
    };
  },
});

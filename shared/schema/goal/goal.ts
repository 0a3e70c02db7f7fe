import { goalAttributeFields, type GoalAttributes } from '../../domain/blockFields.js';
import { createTypedBlockNode } from '../createTypedBlockNode.js';

export type { TypedBlockOptions as GoalOptions } from '../createTypedBlockNode.js';

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
 * A goal of the plan (cel główny / szczegółowy / operacyjny, README §3.3). Its small values are
 * attributes; its text fields are child nodes (see createTypedBlockNode).
 */
export const Goal = createTypedBlockNode({
  name: 'goal',
  attributeFields: goalAttributeFields,
  content: 'blockLine blockRichText',
  idPrefix: GOAL_ID_PREFIX,
  insertCommand: 'insertGoal',
});

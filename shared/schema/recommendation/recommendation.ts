import { recommendationAttributeFields, type RecommendationAttributes } from '../../domain/blockFields.js';
import { createTypedBlockNode } from '../createTypedBlockNode.js';

export type { TypedBlockOptions as RecommendationOptions } from '../createTypedBlockNode.js';

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
 * A recommendation, model or guideline (README §3.2). Its small values are
 * attributes; its text fields are child nodes (see createTypedBlockNode).
 */
export const Recommendation = createTypedBlockNode({
  name: 'recommendation',
  attributeFields: recommendationAttributeFields,
  content: 'blockLine blockRichText blockRichText blockLineList',
  idPrefix: RECOMMENDATION_ID_PREFIX,
  insertCommand: 'insertRecommendation',
});

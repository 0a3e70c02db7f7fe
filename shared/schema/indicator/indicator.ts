import { indicatorAttributeFields, type IndicatorAttributes } from '../../domain/blockFields.js';
import { createTypedBlockNode } from '../createTypedBlockNode.js';

export type { TypedBlockOptions as IndicatorOptions } from '../createTypedBlockNode.js';

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
 * An indicator of the monitoring table (wskaźnik, README §3.4). Its small values are
 * attributes; its text fields are child nodes (see createTypedBlockNode).
 */
export const Indicator = createTypedBlockNode({
  name: 'indicator',
  attributeFields: indicatorAttributeFields,
  content: 'blockLine blockLine blockLine',
  idPrefix: INDICATOR_ID_PREFIX,
  insertCommand: 'insertIndicator',
});

import { indicatorFields, type IndicatorAttributes } from '../../domain/blockFields.js';
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
 * An indicator of the monitoring table (wskaźnik, README §3.4). An atom block: every field is a node attribute, edited
 * through `updateAttributes` by the node view, so each field change is one
 * Yjs attribute change.
 */
export const Indicator = createTypedBlockNode({
  name: 'indicator',
  fields: indicatorFields,
  idPrefix: INDICATOR_ID_PREFIX,
  textAttribute: 'name',
  insertCommand: 'insertIndicator',
});

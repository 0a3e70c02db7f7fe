import { interventionDirectionAttributeFields, type InterventionDirectionAttributes } from '../../domain/blockFields.js';
import { createTypedBlockNode } from '../createTypedBlockNode.js';

export type { TypedBlockOptions as InterventionDirectionOptions } from '../createTypedBlockNode.js';

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
 * An intervention direction (kierunek interwencji, README §3.1). Its small values are
 * attributes; its text fields are child nodes (see createTypedBlockNode).
 */
export const InterventionDirection = createTypedBlockNode({
  name: 'interventionDirection',
  attributeFields: interventionDirectionAttributeFields,
  content: 'blockLine blockRichText directionActionList blockLineList blockLineList directionIndicatorList fundingShareList blockLine',
  idPrefix: INTERVENTION_DIRECTION_ID_PREFIX,
  insertCommand: 'insertInterventionDirection',
});

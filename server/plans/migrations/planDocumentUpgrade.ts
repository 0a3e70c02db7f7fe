import { DOCUMENT_SCHEMA_VERSION } from '../../../shared/documentSchema.js';
import type { DocumentSchemaUpgrade } from '../../sync/DocumentSchemaUpgrade.js';
import { loadPlanDocumentCode } from '../loadPlanDocumentCode.js';
import { needsPlanDocumentUpgrade } from './needsPlanDocumentUpgrade.js';
import { storedStateIsCurrent } from './storedStateIsCurrent.js';

/**
 * What the document registry runs on every loaded plan document. The conversion needs the
 * document schema, loaded with the first document that needs an upgrade (or is new), not at start.
 */
export const planDocumentUpgrade: DocumentSchemaUpgrade = {
  isStoredStateCurrent: storedStateIsCurrent,
  needsUpgrade: needsPlanDocumentUpgrade,
  loadUpgrade: async () => {
    const { upgradePlanDocument } = await loadPlanDocumentCode();
    return (doc) => {
      const { converted, dropped } = upgradePlanDocument(doc);
      return { toVersion: DOCUMENT_SCHEMA_VERSION, convertedBlocks: converted, defaultedValues: dropped.map((entry) => `${entry.path}: ${entry.reason}`) };
    };
  },
};

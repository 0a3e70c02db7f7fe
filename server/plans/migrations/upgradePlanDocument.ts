import type * as Y from 'yjs';
import { CONTENT_FIELD } from '../../../shared/documentName.js';
import { DOCUMENT_SCHEMA_VERSION, readDocumentSchemaVersion, recordDocumentSchemaVersion } from '../../../shared/documentSchema.js';
import { PLAN_FILE_FORMAT } from '../../../shared/domain/Plan.js';
import { PLAN_META_FIELD } from '../../../shared/planJson/planMetaField.js';
import type { DocumentSchemaUpgrade } from '../../sync/DocumentSchemaUpgrade.js';
import { convertAttributeBlocks, type ConvertedBlocks } from './convertAttributeBlocks.js';
import { storedStateIsCurrent } from './storedStateIsCurrent.js';

/** Whether the document records an older schema than this build's, or none (before versions were recorded). */
export function needsPlanDocumentUpgrade(doc: Y.Doc): boolean {
  const version = readDocumentSchemaVersion(doc);
  return version === null || version < DOCUMENT_SCHEMA_VERSION;
}

/**
 * Brings a plan's Y.Doc to the current schema and records it. Idempotent:
 * each step converts only what is still in its old form. Run it inside one
 * transaction. A document of a newer schema than this build's is left alone.
 */
export function upgradePlanDocument(doc: Y.Doc): ConvertedBlocks {
  if (!needsPlanDocumentUpgrade(doc)) return { converted: 0, dropped: [] };
  // 1 → 2: typed text of typed blocks moves from attributes into child nodes.
  const converted = convertAttributeBlocks(doc.getXmlFragment(CONTENT_FIELD));
  const meta = doc.getMap<unknown>(PLAN_META_FIELD);
  if (meta.get('schemaVersion') === 1) meta.set('schemaVersion', PLAN_FILE_FORMAT);
  recordDocumentSchemaVersion(doc);
  return converted;
}

/** What the document registry runs on every loaded plan document. */
export const planDocumentUpgrade: DocumentSchemaUpgrade = {
  isStoredStateCurrent: storedStateIsCurrent,
  needsUpgrade: needsPlanDocumentUpgrade,
  upgrade: (doc) => {
    const { converted, dropped } = upgradePlanDocument(doc);
    return { toVersion: DOCUMENT_SCHEMA_VERSION, convertedBlocks: converted, defaultedValues: dropped.map((entry) => `${entry.path}: ${entry.reason}`) };
  },
};

import type * as Y from 'yjs';
import { CONTENT_FIELD } from '../../../shared/documentName.js';
import { recordDocumentSchemaVersion } from '../../../shared/documentSchema.js';
import { PLAN_FILE_FORMAT } from '../../../shared/domain/Plan.js';
import { PLAN_META_FIELD } from '../../../shared/planJson/planMetaField.js';
import { convertAttributeBlocks, type ConvertedBlocks } from './convertAttributeBlocks.js';
import { needsPlanDocumentUpgrade } from './needsPlanDocumentUpgrade.js';

/**
 * Brings a plan's Y.Doc to the current schema and records it. Idempotent:
 * each step converts only what is still in its old form. Run it inside one
 * transaction. A document of a newer schema than this build's is left alone.
 */
export function upgradePlanDocument(doc: Y.Doc): ConvertedBlocks {
  if (!needsPlanDocumentUpgrade(doc)) return { converted: 0, dropped: [] };
  // 1 → 2: typed text of typed blocks moves from attributes into child nodes.
  const converted = convertAttributeBlocks(doc.getXmlFragment(CONTENT_FIELD));
  // 2 → 3: nothing to convert (a new mark only), the version is recorded below.
  const meta = doc.getMap<unknown>(PLAN_META_FIELD);
  if (meta.get('schemaVersion') === 1) meta.set('schemaVersion', PLAN_FILE_FORMAT);
  recordDocumentSchemaVersion(doc);
  return converted;
}

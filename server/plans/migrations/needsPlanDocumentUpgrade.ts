import type * as Y from 'yjs';
import { DOCUMENT_SCHEMA_VERSION, readDocumentSchemaVersion } from '../../../shared/documentSchema.js';

/** Whether the document records an older schema than this build's, or none (before versions were recorded). */
export function needsPlanDocumentUpgrade(doc: Y.Doc): boolean {
  const version = readDocumentSchemaVersion(doc);
  return version === null || version < DOCUMENT_SCHEMA_VERSION;
}

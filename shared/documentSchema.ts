import * as Y from 'yjs';

/**
 * The shape of the editor document a build of client and server speaks.
 * 1: typed blocks are atoms whose every field is an attribute.
 * 2: typed blocks keep typed text in child nodes (shared/schema/fields/).
 * 3: the `suggestionFormat` mark (formatting suggestions); the content of a
 *    version 2 document is valid as it is, but a version 2 client would drop
 *    every element whose text carries the new mark.
 * A client announces its version when it connects (SCHEMA_CONNECTION_PARAM);
 * the server refuses any other with ClientOutdated, because y-prosemirror
 * deletes the elements its schema does not know. The server records in each
 * plan's Y.Doc the version it converted the document to.
 */
export const DOCUMENT_SCHEMA_VERSION = 3;

/** The Y.Map of a plan's Y.Doc that records its document schema. */
export const DOCUMENT_SCHEMA_FIELD = 'documentSchema';
export const DOCUMENT_SCHEMA_VERSION_KEY = 'version';

/** The WebSocket URL parameter that carries the client's document schema version (`?schema=3`). */
export const SCHEMA_CONNECTION_PARAM = 'schema';

/** The version recorded in the document, or null when none is (a document from before versions were recorded). */
export function readDocumentSchemaVersion(doc: Y.Doc): number | null {
  const version = doc.getMap<unknown>(DOCUMENT_SCHEMA_FIELD).get(DOCUMENT_SCHEMA_VERSION_KEY);
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

/**
 * Records the current version. Written only when it differs: every write is a
 * new Yjs item, and the server recognises a current document in its stored
 * bytes by the first one (server/plans/migrations/storedStateIsCurrent.ts).
 */
export function recordDocumentSchemaVersion(doc: Y.Doc): void {
  const schema = doc.getMap<unknown>(DOCUMENT_SCHEMA_FIELD);
  if (schema.get(DOCUMENT_SCHEMA_VERSION_KEY) !== DOCUMENT_SCHEMA_VERSION) schema.set(DOCUMENT_SCHEMA_VERSION_KEY, DOCUMENT_SCHEMA_VERSION);
}

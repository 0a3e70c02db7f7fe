import { DOCUMENT_SCHEMA_FIELD, DOCUMENT_SCHEMA_VERSION, DOCUMENT_SCHEMA_VERSION_KEY } from '../../../shared/documentSchema.js';

/**
 * The oldest recorded version whose content a client of this build may
 * receive as stored: every later step (2 → 3) changes no content, only the
 * record. A future step that converts content must raise it, and must then
 * also stop trusting an overwritten record (below), which may be older.
 */
const OLDEST_CONTENT_CURRENT_VERSION = 2;

/**
 * The bytes Yjs (v1 updates) writes for the first item ever set under
 * documentSchema.version, up to its content: parent given as a root type's
 * name (1, then the name), then the map key. Every later write of the key
 * names the item before it instead, so only the first one can be found by
 * bytes. Its content follows: ContentAny with one integer (1, type 125, the
 * varInt) while it holds the record, or ContentDeleted (its length, then the
 * next struct, never 125) once an upgrade overwrote it and the document was
 * garbage-collected.
 */
const FIRST_VERSION_ITEM = Buffer.concat([Buffer.from([1]), varString(DOCUMENT_SCHEMA_FIELD), varString(DOCUMENT_SCHEMA_VERSION_KEY)]);
const ANY_INTEGER = 125;

/**
 * Whether stored updates may already hold content of the current document
 * schema, without applying them: a byte search (about 1 ms for 1.3 MB;
 * walking the structs costs 25 ms, docs/performance.md). No match means the
 * document was never upgraded, so it must be upgraded before a client sees
 * it. A match is only a hint (the bytes could sit inside someone's text, or
 * the item could be deleted later in the log); the applied document is
 * checked again, and a version 2 record is still upgraded to 3 after the load.
 */
export function storedStateIsCurrent(parts: readonly Uint8Array[]): boolean {
  return parts.some((part) => holdsCurrentRecord(Buffer.from(part.buffer, part.byteOffset, part.byteLength)));
}

function holdsCurrentRecord(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(FIRST_VERSION_ITEM); at !== -1; at = bytes.indexOf(FIRST_VERSION_ITEM, at + 1)) {
    const content = at + FIRST_VERSION_ITEM.length;
    if (bytes[content + 1] !== ANY_INTEGER) return true;
    // A one-byte varInt: versions stay below 64.
    const version = bytes[content + 2] ?? -1;
    if (bytes[content] === 1 && version >= OLDEST_CONTENT_CURRENT_VERSION && version <= DOCUMENT_SCHEMA_VERSION) return true;
  }
  return false;
}

function varString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > 127) throw new Error('a one-byte length is assumed');
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

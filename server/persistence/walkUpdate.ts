import * as decoding from 'lib0/decoding';

/**
 * Walks a Yjs v1 update without building it: reads every struct header and
 * skips content by its length, as Yjs's own reader would read it, and returns
 * the offset where the update ended. Throws where Yjs's reader would run out
 * of bytes or meet an unknown content or type reference.
 *
 * Why not Y.decodeUpdate: it creates a JS object per struct and decodes every
 * string as UTF-8, which for a 1.3 MB plan cost as much CPU as applying it.
 * This walk only checks structure (it does not parse embedded JSON); the
 * caller applies the bytes with Yjs afterwards anyway. Format (yjs 13):
 * src/utils/encoding.js readClientsStructRefs, src/structs/Item.js
 * contentRefs, src/utils/DeleteSet.js readDeleteSet.
 */
export function walkUpdate(bytes: Uint8Array): number {
  const decoder = decoding.createDecoder(bytes);
  const skip = (length: number): void => {
    if (decoder.pos + length > bytes.byteLength) throw new Error('Unexpected end of array');
    decoder.pos += length;
  };
  const skipString = (): void => skip(decoding.readVarUint(decoder));
  const skipId = (): void => {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
  };
  const clientCount = decoding.readVarUint(decoder);
  for (let client = 0; client < clientCount; client++) {
    const structCount = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // first clock
    for (let index = 0; index < structCount; index++) {
      const info = decoding.readUint8(decoder);
      if (info === undefined) throw new Error('Unexpected end of array');
      const contentRef = info & 0b11111;
      if (info === SKIP || contentRef === GC) {
        decoding.readVarUint(decoder); // length
        continue;
      }
      if ((info & HAS_ORIGIN) !== 0) skipId();
      if ((info & HAS_RIGHT_ORIGIN) !== 0) skipId();
      if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
        // Parent: 1 = a root type's name, else the id of the parent item.
        if (decoding.readVarUint(decoder) === 1) skipString();
        else skipId();
        if ((info & HAS_PARENT_SUB) !== 0) skipString();
      }
      skipContent(contentRef);
    }
  }
  // Delete set: per client, ranges of (clock, length).
  const deleteClients = decoding.readVarUint(decoder);
  for (let client = 0; client < deleteClients; client++) {
    decoding.readVarUint(decoder);
    const ranges = decoding.readVarUint(decoder);
    for (let range = 0; range < ranges; range++) skipId();
  }
  return decoder.pos;

  function skipContent(contentRef: number): void {
    switch (contentRef) {
      case CONTENT_DELETED:
        decoding.readVarUint(decoder);
        return;
      case CONTENT_JSON: {
        const count = decoding.readVarUint(decoder);
        for (let index = 0; index < count; index++) skipString();
        return;
      }
      case CONTENT_BINARY:
      case CONTENT_STRING:
      case CONTENT_EMBED:
        skipString();
        return;
      case CONTENT_FORMAT:
        skipString();
        skipString();
        return;
      case CONTENT_TYPE: {
        const typeRef = decoding.readVarUint(decoder);
        if (typeRef > MAX_TYPE_REF) throw new Error(`Unknown type reference ${typeRef}`);
        if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) skipString();
        return;
      }
      case CONTENT_ANY: {
        const count = decoding.readVarUint(decoder);
        for (let index = 0; index < count; index++) decoding.readAny(decoder);
        return;
      }
      case CONTENT_DOC:
        skipString();
        decoding.readAny(decoder);
        return;
      default:
        throw new Error(`Unknown content reference ${contentRef}`);
    }
  }
}

const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_PARENT_SUB = 0b0010_0000;
const GC = 0;
const SKIP = 10;
const CONTENT_DELETED = 1;
const CONTENT_JSON = 2;
const CONTENT_BINARY = 3;
const CONTENT_STRING = 4;
const CONTENT_EMBED = 5;
const CONTENT_FORMAT = 6;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const CONTENT_DOC = 9;
const XML_ELEMENT = 3;
const XML_HOOK = 5;
/** YArray 0, YMap 1, YText 2, YXmlElement 3, YXmlFragment 4, YXmlHook 5, YXmlText 6. */
const MAX_TYPE_REF = 6;

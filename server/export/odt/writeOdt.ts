import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportDocument } from '../ExportDocument.js';
import { OdtContentWriter } from './OdtContentWriter.js';
import { odtMeta } from './odtMeta.js';
import { odtStyles } from './odtStyles.js';
import { XML_DECLARATION } from './odtXml.js';

export const ODT_MIME_TYPE = 'application/vnd.oasis.opendocument.text';

const MANIFEST = [
  XML_DECLARATION,
  '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">',
  `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MIME_TYPE}"/>`,
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
  '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>',
  '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>',
  '</manifest:manifest>',
].join('');

/**
 * An OpenDocument text file of any export document, written without an
 * office suite: the package is zipped XML with `mimetype` first and stored
 * uncompressed, as ODF requires, and every entry dated with the given moment,
 * so the same document always gives the same bytes.
 */
export function writeOdt(document: ExportDocument, generatedAt: Date): Uint8Array {
  const when = Number.isNaN(generatedAt.getTime()) ? new Date(0) : generatedAt;
  // ZIP dates start in 1980.
  const mtime = when.getTime() < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : when;
  const files: Zippable = {
    mimetype: [strToU8(ODT_MIME_TYPE), { level: 0, mtime }],
    'content.xml': [strToU8(new OdtContentWriter(document).write()), { level: 6, mtime }],
    'styles.xml': [strToU8(odtStyles()), { level: 6, mtime }],
    'meta.xml': [strToU8(odtMeta(document, when)), { level: 6, mtime }],
    'META-INF/manifest.xml': [strToU8(MANIFEST), { level: 6, mtime }],
  };
  return zipSync(files);
}

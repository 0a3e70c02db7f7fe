import type { ExportDocument } from '../ExportDocument.js';
import { ODF_NAMESPACES, XML_DECLARATION, xmlText } from './odtXml.js';

/** meta.xml: title, subject, description, keywords, language, author and the snapshot's date (so the bytes repeat). */
export function odtMeta(document: ExportDocument, generatedAt: Date): string {
  const when = Number.isNaN(generatedAt.getTime()) ? new Date(0) : generatedAt;
  const timestamp = when.toISOString().slice(0, 19);
  const { title, author, subject, description, keywords = [] } = document.properties;
  return [
    XML_DECLARATION,
    `<office:document-meta ${ODF_NAMESPACES} office:version="1.3"><office:meta>`,
    '<meta:generator>Edytor planów deinstytucjonalizacji</meta:generator>',
    `<dc:title>${xmlText(title)}</dc:title>`,
    `<dc:subject>${xmlText(subject)}</dc:subject>`,
    `<dc:description>${xmlText(description)}</dc:description>`,
    ...keywords.map((keyword) => `<meta:keyword>${xmlText(keyword)}</meta:keyword>`),
    `<dc:language>${document.language}</dc:language>`,
    `<meta:initial-creator>${xmlText(author)}</meta:initial-creator>`,
    `<dc:creator>${xmlText(author)}</dc:creator>`,
    `<meta:creation-date>${timestamp}</meta:creation-date>`,
    `<dc:date>${timestamp}</dc:date>`,
    '</office:meta></office:document-meta>',
  ].join('');
}

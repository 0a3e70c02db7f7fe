import type { ExportBlock } from './ExportDocument.js';

/** Plain text as paragraphs: blank lines separate paragraphs; single newlines stay line breaks inside one. */
export function textParagraphs(text: string): ExportBlock[] {
  return text
    .split(/\n{2,}/)
    .filter((part) => part.trim() !== '')
    .map((part) => ({ kind: 'paragraph', runs: [{ text: part }], variant: 'body' }));
}

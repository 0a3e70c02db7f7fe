import type { ExportBlock, ExportDocument } from './ExportDocument.js';

export interface ExportTextMeasure {
  /** Characters of text in the body (headings, paragraphs, lists, tables). */
  characters: number;
  /** Length of the longest run of text without a space. */
  longestWord: number;
}

/** How much text a document's body holds, for renderers whose cost grows with it. */
export function measureExportText(document: ExportDocument): ExportTextMeasure {
  const measure: ExportTextMeasure = { characters: 0, longestWord: 0 };
  const add = (text: string): void => {
    measure.characters += text.length;
    for (const word of text.split(/\s+/)) if (word.length > measure.longestWord) measure.longestWord = word.length;
  };
  const visit = (block: ExportBlock): void => {
    switch (block.kind) {
      case 'heading':
        add(block.text);
        break;
      case 'paragraph':
        block.runs.forEach((run) => add(run.text));
        break;
      case 'list':
        for (const item of block.items) {
          item.runs.forEach((run) => add(run.text));
          item.children.forEach(visit);
        }
        break;
      case 'table':
        add(block.caption);
        block.header.forEach(add);
        for (const row of block.rows) row.cells.forEach(add);
        break;
    }
  };
  document.body.forEach(visit);
  return measure;
}

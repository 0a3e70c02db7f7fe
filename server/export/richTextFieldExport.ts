import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import type { ExportBlock, ExportRun } from './ExportDocument.js';
import { richTextToExportBlocks, type RichTextHeadings } from './richTextToExportBlocks.js';
import { listOf, recordOf, textOf } from './untrustedValues.js';
import { textParagraphs } from './textParagraphs.js';

// A heading a client slipped into a block field must not join the document's outline or numbering.
const HEADINGS_AS_BOLD_PARAGRAPHS: RichTextHeadings = {
  numbered: (_level, text) => ({ kind: 'paragraph', runs: [{ text, bold: true }], variant: 'body' }),
};

/**
 * A rich text field of a typed block (a description, a recommendation's
 * content or rationale) as export blocks, with its marks, links and lists,
 * through the same path as section text. The value is untrusted: a string
 * (a plan of the old shape) reads as paragraphs, anything else that is not a
 * list of nodes as nothing.
 */
export function richTextFieldBlocks(value: unknown): ExportBlock[] {
  if (typeof value === 'string') return textParagraphs(textOf(value));
  return listOf<unknown>(value)
    .filter((node) => typeof recordOf(node)['type'] === 'string')
    .flatMap((node) => richTextToExportBlocks(node as ProseMirrorNodeJson, HEADINGS_AS_BOLD_PARAGRAPHS))
    .filter((block) => !(block.kind === 'paragraph' && runsText(block.runs).trim() === ''));
}

/**
 * The same field as plain text, for a table cell (cells hold plain text):
 * one line per paragraph, list items with "•" or "1.".
 */
export function richTextFieldPlainText(value: unknown): string {
  return blocksText(richTextFieldBlocks(value), '').join('\n');
}

function blocksText(blocks: ExportBlock[], indent: string): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'paragraph':
        return [`${indent}${runsText(block.runs)}`];
      case 'heading':
        return [`${indent}${block.text}`];
      case 'list':
        return block.items.flatMap((item, index) => [
          `${indent}${block.ordered ? `${index + 1}.` : '•'} ${runsText(item.runs)}`,
          ...blocksText(item.children, `${indent}   `),
        ]);
      case 'table':
        return [];
    }
  });
}

function runsText(runs: ExportRun[]): string {
  return runs.map((run) => run.text).join('');
}

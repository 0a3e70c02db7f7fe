import type { ProseMirrorNodeJson } from './ProseMirrorNodeJson.js';

/**
 * The formatted text of a description-like block field (a direction's
 * description, a recommendation's content…): the editor JSON of its block
 * nodes, only paragraphs, bullet lists and numbered lists, with marks.
 */
export type RichText = ProseMirrorNodeJson[];

/** The top-level node types a rich text field may hold. */
export const RICH_TEXT_BLOCK_TYPES = ['paragraph', 'bulletList', 'orderedList'] as const;

/** One paragraph per line, so that a plain string of a plan file (format 1) reads back unchanged. */
export function richTextFromPlainText(text: string): RichText {
  return text.split('\n').map((line) => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] }));
}

/**
 * The string a plan file stores for rich text that has no formatting (lines
 * of unmarked paragraphs), or null when it has formatting and must be kept
 * as nodes. The inverse of richTextFromPlainText.
 */
export function plainTextOfRichText(richText: RichText): string | null {
  const lines: string[] = [];
  for (const block of richText) {
    if (block.type !== 'paragraph' || (block.attrs !== undefined && Object.keys(block.attrs).length > 0)) return null;
    let line = '';
    for (const child of block.content ?? []) {
      if (child.type !== 'text' || (child.marks ?? []).length > 0 || typeof child.text !== 'string') return null;
      line += child.text;
    }
    lines.push(line);
  }
  return lines.length === 0 ? '' : lines.join('\n');
}

/** Readable text of rich text for views, warnings, search and comparison: one line per paragraph or list item. */
export function richTextToPlainText(richText: RichText): string {
  const lines: string[] = [];
  const visit = (node: ProseMirrorNodeJson, prefix: string): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      lines.push(prefix + inlineText(node));
      return;
    }
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      (node.content ?? []).forEach((item, index) => {
        const marker = node.type === 'bulletList' ? '• ' : `${index + 1}. `;
        (item.content ?? []).forEach((child, childIndex) => visit(child, childIndex === 0 ? prefix + marker : `${prefix}   `));
      });
      return;
    }
    for (const child of node.content ?? []) visit(child, prefix);
  };
  for (const block of richText) visit(block, '');
  return lines.join('\n');
}

function inlineText(node: ProseMirrorNodeJson): string {
  return (node.content ?? []).map((child) => (child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? '\n' : '')).join('');
}

/** True when the field holds no text at all (one empty paragraph is what a new field holds). */
export function isRichTextEmpty(richText: RichText): boolean {
  return richTextToPlainText(richText).trim() === '';
}

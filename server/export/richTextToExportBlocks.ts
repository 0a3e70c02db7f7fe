import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import { isAllowedLinkHref } from '../../shared/schema/isAllowedLinkHref.js';
import type { ExportBlock, ExportListItem, ExportRun } from './ExportDocument.js';
import { textOf } from './untrustedValues.js';

// The reader already bounds nesting; this only keeps a hand-built snapshot from overflowing the stack.
const MAX_DEPTH = 64;

/**
 * What a heading inside rich text becomes: a numbered heading in section
 * text (HeadingNumbering), a bold paragraph inside a block field, where a
 * heading would break the document's outline.
 */
export interface RichTextHeadings {
  numbered(level: 2 | 3, text: string): ExportBlock;
}

/**
 * A formatted block of the editor (heading, list, quote, code, paragraph with
 * marks) as export blocks. Unknown nodes keep their text as a paragraph, so
 * nothing a member wrote silently disappears from the file. Used for section
 * text and for the rich text fields of typed blocks alike.
 */
export function richTextToExportBlocks(node: ProseMirrorNodeJson, headings: RichTextHeadings, depth = 0): ExportBlock[] {
  if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return [];
  const children = Array.isArray(node.content) ? node.content : [];
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', runs: inlineRuns(children), variant: 'body' }];
    case 'heading': {
      const level = node.attrs?.['level'] === 3 ? 3 : 2;
      return [headings.numbered(level, plainText(children))];
    }
    case 'bulletList':
    case 'orderedList':
      return [{ kind: 'list', ordered: node.type === 'orderedList', items: children.map((item) => listItem(item, headings, depth + 1)) }];
    case 'blockquote':
      return children.flatMap((child) => richTextToExportBlocks(child, headings, depth + 1)).map((block) =>
        block.kind === 'paragraph' ? { ...block, variant: 'quote' as const } : block,
      );
    case 'codeBlock':
      return [{ kind: 'paragraph', runs: [{ text: plainText(children), code: true }], variant: 'code' }];
    case 'horizontalRule':
      return [];
    default: {
      const text = plainText(children) || textOf(node.text);
      return text === '' ? [] : [{ kind: 'paragraph', runs: [{ text }], variant: 'body' }];
    }
  }
}

function listItem(node: ProseMirrorNodeJson, headings: RichTextHeadings, depth: number): ExportListItem {
  const children = Array.isArray(node?.content) ? node.content : [];
  const [first, ...rest] = children;
  if (first?.type === 'paragraph') {
    return { runs: inlineRuns(Array.isArray(first.content) ? first.content : []), children: rest.flatMap((child) => richTextToExportBlocks(child, headings, depth + 1)) };
  }
  return { runs: [], children: children.flatMap((child) => richTextToExportBlocks(child, headings, depth + 1)) };
}

function inlineRuns(nodes: ProseMirrorNodeJson[]): ExportRun[] {
  const runs: ExportRun[] = [];
  for (const node of nodes) {
    if (node?.type === 'hardBreak') {
      runs.push({ text: '\n' });
    } else if (node?.type === 'text' && typeof node.text === 'string') {
      // Through textOf: control characters would break DOCX's XML, a pasted megabyte a PDF layout.
      const run: ExportRun = { text: textOf(node.text) };
      for (const mark of Array.isArray(node.marks) ? node.marks : []) {
        const type: unknown = mark?.type;
        if (type === 'bold') run.bold = true;
        else if (type === 'italic') run.italic = true;
        else if (type === 'underline') run.underline = true;
        else if (type === 'strike') run.strike = true;
        else if (type === 'code') run.code = true;
        else if (type === 'link') {
          const href: unknown = mark?.attrs?.['href'];
          if (isAllowedLinkHref(href)) run.href = href;
        }
      }
      runs.push(run);
    }
  }
  return runs;
}

function plainText(nodes: ProseMirrorNodeJson[], depth = 0): string {
  if (depth > MAX_DEPTH) return '';
  return nodes
    .map((node) => {
      if (node?.type === 'hardBreak') return '\n';
      if (typeof node?.text === 'string') return textOf(node.text);
      return Array.isArray(node?.content) ? plainText(node.content, depth + 1) : '';
    })
    .join('');
}

import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import { isAllowedLinkHref } from '../../shared/schema/isAllowedLinkHref.js';
import type { ExportBlock, ExportListItem, ExportRun } from './ExportDocument.js';
import type { HeadingNumbering } from './HeadingNumbering.js';

// The reader already bounds nesting; this only keeps a hand-built snapshot from overflowing the stack.
const MAX_DEPTH = 64;

/**
 * A formatted block of the editor (heading, list, quote, code, paragraph with
 * marks) as export blocks. Unknown nodes keep their text as a paragraph, so
 * nothing a member wrote silently disappears from the file.
 */
export function richTextToExportBlocks(node: ProseMirrorNodeJson, headings: HeadingNumbering, depth = 0): ExportBlock[] {
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
      const text = plainText(children) || (typeof node.text === 'string' ? node.text : '');
      return text === '' ? [] : [{ kind: 'paragraph', runs: [{ text }], variant: 'body' }];
    }
  }
}

function listItem(node: ProseMirrorNodeJson, headings: HeadingNumbering, depth: number): ExportListItem {
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
      const run: ExportRun = { text: node.text };
      for (const mark of Array.isArray(node.marks) ? node.marks : []) {
        if (mark.type === 'bold') run.bold = true;
        else if (mark.type === 'italic') run.italic = true;
        else if (mark.type === 'underline') run.underline = true;
        else if (mark.type === 'strike') run.strike = true;
        else if (mark.type === 'code') run.code = true;
        else if (mark.type === 'link' && isAllowedLinkHref(mark.attrs?.['href'])) run.href = mark.attrs['href'] as string;
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
      if (typeof node?.text === 'string') return node.text;
      return Array.isArray(node?.content) ? plainText(node.content, depth + 1) : '';
    })
    .join('');
}

import { planSectionFields } from '../domain/blockFields.js';
import { TYPED_BLOCK_TYPES, type Plan, type PlanBlock, type PlanMeta, type PlanSection, type TypedBlockType } from '../domain/Plan.js';
import { coerceBlockAttributes } from './coerceBlockAttributes.js';
import type { DroppedContent } from './DroppedContent.js';
import { isPlainObject } from './isPlainObject.js';
import { sanitizeRichTextNode } from './sanitizeRichTextNode.js';
import { typedBlockFromNode } from './typedBlockFromNode.js';

export interface ProseMirrorToPlanResult {
  plan: Plan;
  dropped: DroppedContent[];
}

/**
 * The plan held by an editor document. Built for untrusted input (whatever
 * any client wrote into the Y.Doc): it never throws; what does not fit the
 * plan schema is left out or replaced by the field default and listed in
 * `dropped`.
 */
export function proseMirrorToPlan(json: unknown, planMeta: PlanMeta): ProseMirrorToPlanResult {
  const dropped: DroppedContent[] = [];
  const sections: PlanSection[] = [];
  if (!isPlainObject(json) || json['type'] !== 'doc') {
    dropped.push({ path: '', reason: 'not an editor document' });
  } else {
    forEachChild(json, '', dropped, (child, path) => {
      if (isPlainObject(child) && child['type'] === 'planSection') sections.push(toSection(child, path, dropped));
      else dropped.push({ path, reason: `${describeNode(child)} outside a section` });
    });
  }
  return { plan: { ...structuredClone(planMeta), sections }, dropped };
}

function toSection(node: Record<string, unknown>, path: string, dropped: DroppedContent[]): PlanSection {
  const attrs = coerceBlockAttributes(planSectionFields, node['attrs'], `${path}.attrs`, dropped);
  const blocks: PlanBlock[] = [];
  forEachChild(node, path, dropped, (child, childPath) => {
    const block = toBlock(child, childPath, dropped);
    if (block !== null) blocks.push(block);
  });
  const onlyBlock = blocks[0];
  const isEmpty = blocks.length === 1 && onlyBlock?.type === 'paragraph' && onlyBlock.text === '';
  // Workflow fields at their defaults stay out of the file (see PlanSection).
  return {
    key: attrs.key,
    title: attrs.title,
    ...(attrs.status === 'draft' ? {} : { status: attrs.status }),
    ...(attrs.responsibleUserId === null ? {} : { responsibleUserId: attrs.responsibleUserId }),
    ...(attrs.hint === '' ? {} : { hint: attrs.hint }),
    blocks: isEmpty ? [] : blocks,
  };
}

function toBlock(node: unknown, path: string, dropped: DroppedContent[]): PlanBlock | null {
  if (!isPlainObject(node)) {
    dropped.push({ path, reason: 'not a node' });
    return null;
  }
  const type = node['type'];
  if (isTypedBlockType(type)) return typedBlockFromNode(type, node, path, dropped);
  const richText = sanitizeRichTextNode(node, path, dropped);
  if (richText === null) return null;
  // Checked after sanitizing: a paragraph that only lost an unsafe link is plain text again.
  const text = richText.type === 'paragraph' ? plainParagraphText(richText as unknown as Record<string, unknown>) : null;
  return text === null ? { type: 'richText', node: richText } : { type: 'paragraph', text };
}

/** The text of a paragraph without marks or attributes ('\n' for a hard break), else null. */
function plainParagraphText(node: Record<string, unknown>): string | null {
  if (node['attrs'] !== undefined && !(isPlainObject(node['attrs']) && Object.keys(node['attrs']).length === 0)) return null;
  const content = node['content'] ?? [];
  if (!Array.isArray(content)) return null;
  let text = '';
  for (const child of content) {
    if (!isPlainObject(child)) return null;
    if (child['type'] === 'hardBreak' && child['attrs'] === undefined) text += '\n';
    else if (child['type'] === 'text' && typeof child['text'] === 'string' && child['text'] !== '' && isUnmarked(child)) text += child['text'];
    else return null;
  }
  return text;
}

function isUnmarked(node: Record<string, unknown>): boolean {
  const marks = node['marks'];
  return marks === undefined || (Array.isArray(marks) && marks.length === 0);
}

function forEachChild(
  node: Record<string, unknown>,
  path: string,
  dropped: DroppedContent[],
  visit: (child: unknown, path: string) => void,
): void {
  const content = node['content'];
  if (content === undefined) return;
  if (!Array.isArray(content)) {
    dropped.push({ path: `${path}.content`, reason: 'not a list of nodes' });
    return;
  }
  content.forEach((child: unknown, index) => visit(child, path === '' ? `content[${index}]` : `${path}.content[${index}]`));
}

function isTypedBlockType(type: unknown): type is TypedBlockType {
  return (TYPED_BLOCK_TYPES as readonly unknown[]).includes(type);
}

function describeNode(node: unknown): string {
  return isPlainObject(node) && typeof node['type'] === 'string' ? `node '${node['type']}'` : 'a value that is not a node';
}

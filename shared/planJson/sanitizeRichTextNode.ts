import type { NodeType } from '@tiptap/pm/model';
import type { ProseMirrorMarkJson, ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import { TYPED_BLOCK_TYPES } from '../domain/Plan.js';
import { BLOCK_FIELD_NODE_TYPES } from '../schema/fields/index.js';
import { isAllowedLinkHref } from '../schema/isAllowedLinkHref.js';
import { PLAN_HEADING_LEVELS, planSchema } from '../schema/planExtensions.js';
import type { DroppedContent } from './DroppedContent.js';
import { isPlainObject } from './isPlainObject.js';

// Untrusted documents could nest deeply enough to overflow the stack.
const MAX_DEPTH = 64;
// Structure of the plan, not formatted text: sections, typed blocks and the field nodes inside them.
const NOT_RICH_TEXT = new Set(['doc', 'planSection', ...TYPED_BLOCK_TYPES, ...BLOCK_FIELD_NODE_TYPES]);

/**
 * A copy of a formatted block (heading, list, quote, paragraph with marks)
 * holding only what the plan schema allows: unknown nodes, marks and
 * attributes, non-primitive attribute values and links to anything but
 * http(s)/mailto are left out and reported. Returns null when nothing valid
 * remains. The result is in the schema's canonical JSON (all attributes,
 * defaults filled in). Never throws.
 */
export function sanitizeRichTextNode(
  value: unknown,
  path: string,
  dropped: DroppedContent[],
): ProseMirrorNodeJson | null {
  const node = sanitizeNode(value, path, dropped, 0);
  if (node === null) return null;
  const nodeType = planSchema.nodes[node.type];
  if (nodeType === undefined || !isInGroup(nodeType, 'block')) {
    dropped.push({ path, reason: `'${node.type}' cannot stand as a block of a section` });
    return null;
  }
  try {
    const checked = planSchema.nodeFromJSON(node);
    checked.check();
    // The schema's own JSON (every attribute, defaults filled in) is the one canonical form.
    return checked.toJSON() as ProseMirrorNodeJson;
  } catch (error) {
    dropped.push({ path, reason: `invalid structure: ${error instanceof Error ? error.message : String(error)}` });
    return null;
  }
}

function sanitizeNode(value: unknown, path: string, dropped: DroppedContent[], depth: number): ProseMirrorNodeJson | null {
  if (!isPlainObject(value) || typeof value['type'] !== 'string') {
    dropped.push({ path, reason: 'not a node' });
    return null;
  }
  const type = value['type'];
  const nodeType = planSchema.nodes[type];
  if (nodeType === undefined || NOT_RICH_TEXT.has(type)) {
    dropped.push({ path, reason: `node type '${type}' is not allowed here` });
    return null;
  }
  if (depth > MAX_DEPTH) {
    dropped.push({ path, reason: 'nested too deeply' });
    return null;
  }
  if (type === 'text') return sanitizeText(value, path, dropped);

  const result: ProseMirrorNodeJson = { type };
  const attrs = sanitizeAttrs(nodeType.spec.attrs, value['attrs'], `${path}.attrs`, dropped, type);
  if (attrs !== undefined) result.attrs = attrs;
  const content = value['content'];
  if (content !== undefined) {
    if (!Array.isArray(content)) {
      dropped.push({ path: `${path}.content`, reason: 'not a list of nodes' });
    } else {
      const children = content
        .map((child, index) => sanitizeNode(child, `${path}.content[${index}]`, dropped, depth + 1))
        .filter((child): child is ProseMirrorNodeJson => child !== null);
      if (children.length > 0) result.content = children;
    }
  }
  return result;
}

function sanitizeText(value: Record<string, unknown>, path: string, dropped: DroppedContent[]): ProseMirrorNodeJson | null {
  const text = value['text'];
  if (typeof text !== 'string' || text === '') {
    dropped.push({ path, reason: 'text node without text' });
    return null;
  }
  const result: ProseMirrorNodeJson = { type: 'text', text };
  const marks = value['marks'];
  if (marks === undefined) return result;
  if (!Array.isArray(marks)) {
    dropped.push({ path: `${path}.marks`, reason: 'not a list of marks' });
    return result;
  }
  const kept: ProseMirrorMarkJson[] = [];
  marks.forEach((mark, index) => {
    const sanitized = sanitizeMark(mark, `${path}.marks[${index}]`, dropped);
    if (sanitized !== null && !kept.some((other) => other.type === sanitized.type)) kept.push(sanitized);
  });
  if (kept.length > 0) result.marks = kept;
  return result;
}

function sanitizeMark(value: unknown, path: string, dropped: DroppedContent[]): ProseMirrorMarkJson | null {
  if (!isPlainObject(value) || typeof value['type'] !== 'string') {
    dropped.push({ path, reason: 'not a mark' });
    return null;
  }
  const type = value['type'];
  const markType = planSchema.marks[type];
  if (markType === undefined) {
    dropped.push({ path, reason: `mark type '${type}' is not allowed` });
    return null;
  }
  const attrs = sanitizeAttrs(markType.spec.attrs, value['attrs'], `${path}.attrs`, dropped, type);
  if (type === 'link' && !isAllowedLinkHref(attrs?.['href'])) {
    dropped.push({ path, reason: `link to a disallowed address '${String(attrs?.['href'])}'` });
    return null;
  }
  const result: ProseMirrorMarkJson = { type };
  if (attrs !== undefined) result.attrs = attrs;
  return result;
}

function sanitizeAttrs(
  spec: Record<string, unknown> | undefined,
  value: unknown,
  path: string,
  dropped: DroppedContent[],
  type: string,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    dropped.push({ path, reason: 'attributes are not an object' });
    return undefined;
  }
  const attrs: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(value)) {
    const attributePath = `${path}.${name}`;
    if (spec === undefined || !Object.hasOwn(spec, name)) {
      dropped.push({ path: attributePath, reason: `unknown attribute of '${type}'` });
    } else if (!isPrimitive(attribute)) {
      dropped.push({ path: attributePath, reason: 'attribute value is not a string, number, boolean or null' });
    } else if (type === 'heading' && name === 'level' && !(PLAN_HEADING_LEVELS as readonly unknown[]).includes(attribute)) {
      // The schema default (1) is the section title's level, so take the highest level a section may use.
      dropped.push({ path: attributePath, reason: `heading level ${String(attribute)} is not allowed; ${PLAN_HEADING_LEVELS[0]} used` });
      attrs[name] = PLAN_HEADING_LEVELS[0];
    } else {
      attrs[name] = attribute;
    }
  }
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isInGroup(nodeType: NodeType, group: string): boolean {
  return (nodeType.spec.group ?? '').split(' ').includes(group);
}

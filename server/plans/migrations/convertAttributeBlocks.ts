import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { TYPED_BLOCK_FIELDS } from '../../../shared/domain/blockFields.js';
import { TYPED_BLOCK_TYPES, type TypedBlock, type TypedBlockType } from '../../../shared/domain/Plan.js';
import { coerceBlockAttributes } from '../../../shared/planJson/coerceBlockAttributes.js';
import type { DroppedContent } from '../../../shared/planJson/DroppedContent.js';
import { typedBlockToNode } from '../../../shared/planJson/typedBlockToNode.js';
import { planSchema } from '../../../shared/schema/planExtensions.js';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export interface ConvertedBlocks {
  /** How many typed blocks were converted. */
  converted: number;
  /** Old attribute values that did not fit their field and took its default. */
  dropped: DroppedContent[];
}

/**
 * Document schema 1 → 2, in place: every typed block stored as an atom whose
 * every field is an attribute gets its typed text as child nodes, written as
 * y-prosemirror writes them, and keeps only the attributes that stay. The
 * element itself is kept, so its identity, and every attribute whose value
 * does not change, survive (a concurrent edit of one of them still merges).
 *
 * A typed block of schema 2 always has children (its content expression
 * requires them), so a block without children is an old one: converting only
 * those makes this idempotent. Call it inside one transaction.
 */
export function convertAttributeBlocks(fragment: Y.XmlFragment): ConvertedBlocks {
  const dropped: DroppedContent[] = [];
  const oldBlocks: Array<{ element: Y.XmlElement; node: ProseMirrorNode }> = [];
  const visit = (parent: Y.XmlFragment, path: string): void => {
    parent.toArray().forEach((child, index) => {
      if (!(child instanceof Y.XmlElement) || child instanceof Y.XmlHook) return;
      const childPath = `${path}[${index}]`;
      if (isTypedBlockType(child.nodeName) && child.length === 0) {
        oldBlocks.push({ element: child, node: convertedNode(child, child.nodeName, childPath, dropped) });
      } else {
        visit(child, `${childPath}.content`);
      }
    });
  };
  visit(fragment, 'content');
  // Every node is built and checked before the first change, so a failure leaves the document as it was.
  for (const { element, node } of oldBlocks) {
    const doc = element.doc;
    if (doc === null) throw new Error('convertAttributeBlocks needs a fragment that belongs to a Y.Doc');
    updateYFragment(doc, element, node, { mapping: new Map(), isOMark: new Map() });
  }
  return { converted: oldBlocks.length, dropped };
}

/** The schema 2 node of an old block, with the old element's own values for attributes that stay. */
function convertedNode(element: Y.XmlElement, type: TypedBlockType, path: string, dropped: DroppedContent[]): ProseMirrorNode {
  const oldAttributes: Record<string, unknown> = element.getAttributes();
  const json = typedBlockToNode(blockFromOldAttributes(type, oldAttributes, `${path}.attrs`, dropped));
  // updateYFragment compares attribute values by identity and would write every object again.
  const attrs: Record<string, unknown> = { ...json.attrs };
  for (const [name, value] of Object.entries(attrs)) {
    if (isDeepStrictEqual(value, oldAttributes[name])) attrs[name] = oldAttributes[name];
  }
  const node = planSchema.nodeFromJSON({ ...json, attrs });
  node.check();
  return node;
}

/** The block as schema 1 meant its attributes: rich fields were plain strings, one paragraph per line. */
function blockFromOldAttributes(type: TypedBlockType, attributes: Record<string, unknown>, path: string, dropped: DroppedContent[]): TypedBlock {
  switch (type) {
    case 'goal': {
      const { area, ...fields } = coerceBlockAttributes(TYPED_BLOCK_FIELDS.goal, attributes, path, dropped);
      return area === null ? { type, ...fields } : { type, ...fields, area };
    }
    case 'interventionDirection':
      return { type, ...coerceBlockAttributes(TYPED_BLOCK_FIELDS.interventionDirection, attributes, path, dropped) };
    case 'recommendation':
      return { type, ...coerceBlockAttributes(TYPED_BLOCK_FIELDS.recommendation, attributes, path, dropped) };
    case 'indicator':
      return { type, ...coerceBlockAttributes(TYPED_BLOCK_FIELDS.indicator, attributes, path, dropped) };
  }
}

function isTypedBlockType(name: string): name is TypedBlockType {
  return (TYPED_BLOCK_TYPES as readonly string[]).includes(name);
}

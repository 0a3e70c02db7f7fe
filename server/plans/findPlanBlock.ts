import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { TYPED_BLOCK_TYPES, type TypedBlock, type TypedBlockType } from '../../shared/domain/Plan.js';
import { readContentFragment } from '../../shared/planJson/readContentFragment.js';
import { typedBlockFromNode } from '../../shared/planJson/typedBlockFromNode.js';

export interface PlanBlockReference {
  type: string;
  id: string;
  /** Its title (an indicator's name), as plain text. */
  title: string;
  /** Its typed values, read as every reader reads them. */
  block: TypedBlock;
}

/** Finds a typed block by its `id` attribute anywhere in the plan's content. */
export function findPlanBlock(doc: Y.Doc, blockId: string): PlanBlockReference | null {
  return findPlanBlocks(doc, new Set([blockId])).get(blockId) ?? null;
}

/** The typed blocks with these ids (the first of each id), in one walk of the content. */
export function findPlanBlocks(doc: Y.Doc, blockIds: ReadonlySet<string>): Map<string, PlanBlockReference> {
  const found = new Map<string, PlanBlockReference>();
  if (blockIds.size === 0) return found;
  const stack: Array<Y.XmlElement | Y.XmlFragment> = [doc.getXmlFragment(CONTENT_FIELD)];
  while (stack.length > 0 && found.size < blockIds.size) {
    const node = stack.pop();
    if (!node) break;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (isTypedBlockType(child.nodeName)) {
        const id = child.getAttribute('id');
        if (typeof id === 'string' && blockIds.has(id) && !found.has(id)) {
          const block = readBlock(child, child.nodeName);
          found.set(id, { type: child.nodeName, id, title: 'title' in block ? block.title : block.name, block });
        }
        continue; // typed blocks do not nest
      }
      stack.push(child);
    }
  }
  return found;
}

/**
 * Read as every reader reads a block (its text is in child nodes), so it never throws; pending
 * suggestions are not its text (an agreed block does not change by someone suggesting a change).
 */
function readBlock(element: Y.XmlElement, type: TypedBlockType): TypedBlock {
  const node = { type, attrs: element.getAttributes(), content: readContentFragment(element, [], { suggestions: 'pending' }).content ?? [] };
  return typedBlockFromNode(type, node, 'block', []);
}

function isTypedBlockType(name: string): name is TypedBlockType {
  return (TYPED_BLOCK_TYPES as readonly string[]).includes(name);
}

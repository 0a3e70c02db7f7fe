import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { TYPED_BLOCK_TYPES, type TypedBlockType } from '../../shared/domain/Plan.js';
import { readContentFragment } from '../../shared/planJson/readContentFragment.js';
import { typedBlockFromNode } from '../../shared/planJson/typedBlockFromNode.js';

export interface PlanBlockReference {
  type: string;
  id: string;
  /** Its title (an indicator's name), as plain text. */
  title: string;
}

/** Finds a typed block by its `id` attribute anywhere in the plan's content. */
export function findPlanBlock(doc: Y.Doc, blockId: string): PlanBlockReference | null {
  const stack: Array<Y.XmlElement | Y.XmlFragment> = [doc.getXmlFragment(CONTENT_FIELD)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (isTypedBlockType(child.nodeName)) {
        if (child.getAttribute('id') === blockId) return { type: child.nodeName, id: blockId, title: titleOf(child, child.nodeName) };
        continue; // typed blocks do not nest
      }
      stack.push(child);
    }
  }
  return null;
}

/** Read as every reader reads a block (its title is text in a child node), so it never throws. */
function titleOf(element: Y.XmlElement, type: TypedBlockType): string {
  const node = { type, attrs: element.getAttributes(), content: readContentFragment(element).content ?? [] };
  const block = typedBlockFromNode(type, node, 'block', []);
  return 'title' in block ? block.title : block.name;
}

function isTypedBlockType(name: string): name is TypedBlockType {
  return (TYPED_BLOCK_TYPES as readonly string[]).includes(name);
}

import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';

export interface PlanBlockReference {
  type: string;
  id: string;
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
      if (child.getAttribute('id') === blockId) {
        const title = child.getAttribute('title');
        return { type: child.nodeName, id: blockId, title: typeof title === 'string' ? title : '' };
      }
      stack.push(child);
    }
  }
  return null;
}

import * as Y from 'yjs';
import type { TestClient } from './connectClient.js';

/** The typed block with this `id` attribute anywhere in the client's document, so a test can edit it as a user would. */
export function findBlock(client: TestClient, blockId: string): Y.XmlElement {
  const stack: Array<Y.XmlElement | Y.XmlFragment> = [client.content];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const child of node?.toArray() ?? []) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.getAttribute('id') === blockId) return child;
      stack.push(child);
    }
  }
  throw new Error(`no block ${blockId}`);
}

/** The child element of a typed block holding one field ('title', 'description', 'responsible'…), found by its `field` attribute. */
export function findField(block: Y.XmlElement, field: string): Y.XmlElement {
  const found = block.toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.getAttribute('field') === field);
  if (found === undefined) throw new Error(`block ${String(block.getAttribute('id'))} has no field '${field}'`);
  return found;
}

/** The first child element of a typed block of this node type (a field without a `field` attribute, e.g. 'directionActionList'). */
export function findFieldOfType(block: Y.XmlElement, nodeName: string): Y.XmlElement {
  const found = block.toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === nodeName);
  if (found === undefined) throw new Error(`block ${String(block.getAttribute('id'))} has no ${nodeName}`);
  return found;
}

/** The collaborative text of a line-like element (blockLine, blockLineItem, directionAction, paragraph): its Y.XmlText child. */
export function textOfElement(element: Y.XmlElement): Y.XmlText {
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`${element.nodeName} holds no text`);
  return text;
}

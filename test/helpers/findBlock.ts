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

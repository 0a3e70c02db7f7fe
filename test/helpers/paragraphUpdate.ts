import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';

/** A Yjs update that appends a paragraph with `text` to the plan content, made outside any client. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

import * as Y from 'yjs';

/** The child node of a typed block that holds one field (`blockLine`, `blockRichText`, `blockLineList` with that `field`). */
export function blockFieldNode(block: Y.XmlElement, field: string): Y.XmlElement {
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute('field') === field) return child;
  }
  throw new Error(`no field ${field} in ${block.nodeName}`);
}

/** Replaces the text of a single-line field (a title, a name), as typing over it would. */
export function setBlockLineText(block: Y.XmlElement, field: string, text: string): void {
  const line = blockFieldNode(block, field);
  const doc = line.doc;
  const write = (): void => {
    line.delete(0, line.length);
    line.insert(0, [new Y.XmlText(text)]);
  };
  if (doc === null) write();
  else doc.transact(write);
}

/** The first text node inside a rich text field's first paragraph, to type into. */
export function firstParagraphText(block: Y.XmlElement, field: string): Y.XmlText {
  const paragraph = blockFieldNode(block, field).toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'paragraph');
  const text = paragraph?.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (text === undefined) throw new Error(`no text in the first paragraph of ${field}`);
  return text;
}

import type { Editor, JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../../shared/documentName.js';
import { defaultFieldValues, TYPED_BLOCK_ATTRIBUTE_FIELDS } from '../../../shared/domain/blockFields.js';
import type { TypedBlockType } from '../../../shared/domain/Plan.js';
import type { ProseMirrorNodeJson } from '../../../shared/domain/ProseMirrorNodeJson.js';
import { planSchema } from '../../../shared/schema/planExtensions.js';
import {
  createPlanEditor,
  editorJson,
  emptiedFields,
  fieldTextPosition,
  findBlockPosition,
  readYDocAsProseMirror,
  sectionDocument,
  writeEditorToYDoc,
} from '../planTestDocuments.js';

interface TypedBlockNodeCase {
  type: TypedBlockType;
  idPrefix: string;
  insert: (editor: Editor, attributes?: Record<string, unknown>) => boolean;
  /** Attribute values of a filled-in block (every attribute field), e.g. taken from the sample plan. */
  attributes: Record<string, unknown>;
  /** Its text fields as child nodes, in the layout order of the block's content expression. */
  fields: ProseMirrorNodeJson[];
  /** Names under which the old shape kept the block's text as attributes; none may be an attribute now. */
  textFieldNames: string[];
}

/**
 * What every typed block node must do (run by each block's test file, in
 * jsdom for the HTML round trip): insert with default attributes, a fresh id
 * and the empty field children in layout order; keep its small values as
 * attributes and every typed text as child nodes (Y.XmlText inside the
 * field's Y.XmlElement), through JSON, HTML and a Yjs round trip.
 */
export function typedBlockNodeContract({ type, idPrefix, insert, attributes, fields, textFieldNames }: TypedBlockNodeCase): void {
  const filled: JSONContent = { type, attrs: attributes, content: fields };

  describe(`${type} node`, () => {
    let editor: Editor | undefined;
    afterEach(() => editor?.destroy());

    function blocksOfType(current: Editor): ProseMirrorNodeJson[] {
      return (editorJson(current).content?.[0]?.content ?? []).filter((node) => node.type === type);
    }

    it('inserts a block with the default attributes, the next free id and the empty fields in layout order', () => {
      editor = createPlanEditor(sectionDocument([{ type: 'paragraph' }, { type: 'paragraph' }]));
      editor.commands.setTextSelection(2);
      expect(insert(editor)).toBe(true);
      // The second from a caret in section text (the paragraph after the first block).
      editor.commands.setTextSelection(editor.state.doc.content.size - 2);
      expect(editor.state.selection.$from.parent.type.name).toBe('paragraph');
      expect(insert(editor)).toBe(true);
      const blocks = blocksOfType(editor);
      expect(blocks.map((block) => block.attrs?.['id'])).toEqual([`${idPrefix}-1`, `${idPrefix}-2`]);
      expect(blocks[0]?.attrs).toEqual({ ...defaultFieldValues(TYPED_BLOCK_ATTRIBUTE_FIELDS[type]), id: `${idPrefix}-1` });
      for (const block of blocks) expect(block.content).toEqual(emptiedFields(fields));
      expect(() => editor?.state.doc.check()).not.toThrow();
    });

    it('inserts after the block whose field holds the caret, never splitting that block', () => {
      editor = createPlanEditor(sectionDocument([{ type: 'paragraph' }]));
      editor.commands.setTextSelection(2);
      expect(insert(editor)).toBe(true);
      // Wherever the insert left the caret, and then in each field of the first block in turn.
      expect(insert(editor)).toBe(true);
      const firstBlock = findBlockPosition(editor.state.doc, `${idPrefix}-1`);
      for (const field of fields.map((node) => node.attrs?.['field']).filter((name): name is string => typeof name === 'string')) {
        editor.commands.setTextSelection(fieldTextPosition(editor.state.doc, firstBlock, field));
        expect(insert(editor)).toBe(true);
      }
      const blocks = blocksOfType(editor);
      const ids = blocks.map((block) => block.attrs?.['id']);
      expect(new Set(ids).size, `ids ${ids.join(', ')}`).toBe(ids.length);
      expect(ids[0]).toBe(`${idPrefix}-1`);
      for (const block of blocks) expect(block.content).toEqual(emptiedFields(fields));
    });

    it('keeps given attributes on insert, its fields still empty', () => {
      editor = createPlanEditor(sectionDocument([{ type: 'paragraph' }]));
      editor.commands.setTextSelection(2);
      insert(editor, attributes);
      const [block] = blocksOfType(editor);
      expect(block?.attrs).toEqual(attributes);
      expect(block?.content).toEqual(emptiedFields(fields));
    });

    it('is valid inside a section with its fields in order, but not in a list item, without a field or with fields swapped', () => {
      expect(() => planSchema.nodeFromJSON(sectionDocument([filled])).check()).not.toThrow();
      expect(planSchema.nodeFromJSON(filled).toJSON()).toEqual(filled);
      const inList = sectionDocument([{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, filled] }] }]);
      expect(() => planSchema.nodeFromJSON(inList).check()).toThrow();
      const withoutLastField = { ...filled, content: fields.slice(0, -1) };
      expect(() => planSchema.nodeFromJSON(sectionDocument([withoutLastField])).check()).toThrow();
      const swapped = { ...filled, content: [...fields.slice(1, 2), ...fields.slice(0, 1), ...fields.slice(2)] };
      if (swapped.content[0]?.type !== fields[0]?.type) expect(() => planSchema.nodeFromJSON(sectionDocument([swapped])).check()).toThrow();
      // Typed text in an attribute is no longer part of the node: the schema drops it.
      const oldShape = { type, attrs: { ...attributes, [textFieldNames[0] ?? 'title']: 'stary tekst' }, content: fields };
      expect(planSchema.nodeFromJSON(oldShape).attrs).toEqual(attributes);
    });

    it('renders its attributes and child text to HTML and parses both back', () => {
      editor = createPlanEditor(sectionDocument([filled]));
      const html = editor.getHTML();
      const container = document.createElement('div');
      container.innerHTML = html;
      const element = container.querySelector(`div[data-type="${type}"]`);
      expect(element).not.toBeNull();
      for (const name of textFieldNames) expect(element?.hasAttribute(`data-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`)).toBe(false);
      for (const text of textsOf(fields)) expect(element?.textContent).toContain(text);

      const reparsed = createPlanEditor(html);
      try {
        expect(blocksOfType(reparsed)).toEqual([filled]);
      } finally {
        reparsed.destroy();
      }
    });

    it('stores attributes on its Y.XmlElement and each text field as a child Y.XmlElement holding Y.XmlText', () => {
      editor = createPlanEditor(sectionDocument([filled]));
      const doc = new Y.Doc();
      writeEditorToYDoc(editor, doc);
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));

      const section = replica.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
      const element = section.get(0) as Y.XmlElement;
      expect(element.nodeName).toBe(type);
      // Exactly the attribute fields are attributes (y-tiptap leaves out nulls); no typed text is.
      const stored = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== null));
      expect(element.getAttributes()).toEqual(stored);
      for (const name of textFieldNames) expect(element.getAttribute(name)).toBeUndefined();
      expect(element.length).toBe(fields.length);
      fields.forEach((field, index) => expectYNodeMatches(element.get(index), field, `${type}.content[${index}]`));

      expect(readYDocAsProseMirror(replica).toJSON()).toEqual(editor.state.doc.toJSON());
    });
  });
}

/** Every non-empty text a set of field nodes holds. */
function textsOf(nodes: readonly ProseMirrorNodeJson[]): string[] {
  return nodes.flatMap((node) => (node.type === 'text' ? [node.text ?? ''] : textsOf(node.content ?? []))).filter((text) => text !== '');
}

/**
 * The Yjs form y-prosemirror gives a node: an element with the node's name
 * and attributes, and the text of an inline run as one Y.XmlText (its marks
 * as formatting), checked node by node.
 */
function expectYNodeMatches(yNode: Y.XmlElement | Y.XmlText | undefined, json: ProseMirrorNodeJson, path: string): void {
  expect(yNode, path).toBeInstanceOf(Y.XmlElement);
  const element = yNode as Y.XmlElement;
  expect(element.nodeName, path).toBe(json.type);
  for (const [name, value] of Object.entries(json.attrs ?? {})) {
    if (value === null) expect(element.getAttribute(name), `${path}.attrs.${name}`).toBeUndefined();
    else expect(element.getAttribute(name), `${path}.attrs.${name}`).toEqual(value);
  }
  const children = json.content ?? [];
  if (children.length > 0 && children.every((child) => child.type === 'text')) {
    expect(element.length, `${path}: one Y.XmlText for the text`).toBe(1);
    const text = element.get(0);
    expect(text, path).toBeInstanceOf(Y.XmlText);
    const delta = (text as Y.XmlText).toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
    expect(delta.map((part) => part.insert).join(''), path).toBe(children.map((child) => child.text).join(''));
    expect(delta.map((part) => Object.keys(part.attributes ?? {}).sort()), `${path} marks`).toEqual(
      children.map((child) => (child.marks ?? []).map((mark) => mark.type).sort()),
    );
    return;
  }
  expect(element.length, path).toBe(children.length);
  children.forEach((child, index) => expectYNodeMatches(element.get(index), child, `${path}.content[${index}]`));
}

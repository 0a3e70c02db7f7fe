import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../../shared/documentName.js';
import { defaultBlockAttributes } from '../../../shared/domain/blockFields.js';
import type { TypedBlockType } from '../../../shared/domain/Plan.js';
import { planSchema } from '../../../shared/schema/planExtensions.js';
import { createPlanEditor, editorJson, readYDocAsProseMirror, sectionDocument, writeEditorToYDoc } from '../planTestDocuments.js';

interface TypedBlockNodeCase {
  type: TypedBlockType;
  idPrefix: string;
  insert: (editor: Editor, attributes?: Record<string, unknown>) => boolean;
  /** Attribute values of a filled-in block, e.g. taken from the sample plan. */
  filled: Record<string, unknown>;
}

/**
 * What every typed block node must do (run by each block's test file):
 * insert with defaults and a fresh id, keep every field through JSON, HTML
 * data attributes and a Yjs round trip, and store each field as its own
 * Y.XmlElement attribute.
 */
export function typedBlockNodeContract({ type, idPrefix, insert, filled }: TypedBlockNodeCase): void {
  describe(`${type} node`, () => {
    let editor: Editor | undefined;
    afterEach(() => editor?.destroy());

    it('inserts a block with the default attributes and the next free id', () => {
      editor = createPlanEditor(sectionDocument([{ type: 'paragraph' }]));
      editor.commands.setTextSelection(2);
      expect(insert(editor)).toBe(true);
      expect(insert(editor)).toBe(true);
      const blocks = (editorJson(editor).content?.[0]?.content ?? []).filter((node) => node.type === type);
      expect(blocks.map((block) => block.attrs?.['id'])).toEqual([`${idPrefix}-1`, `${idPrefix}-2`]);
      expect(blocks[0]?.attrs).toEqual({ ...defaultBlockAttributes(type), id: `${idPrefix}-1` });
      expect(editor.state.selection).toBeInstanceOf(NodeSelection);
    });

    it('keeps given attributes on insert', () => {
      editor = createPlanEditor(sectionDocument([{ type: 'paragraph' }]));
      editor.commands.setTextSelection(2);
      insert(editor, filled);
      const block = editorJson(editor).content?.[0]?.content?.find((node) => node.type === type);
      expect(block?.attrs).toEqual(filled);
    });

    it('is valid inside a section but not inside a list item', () => {
      const node = { type, attrs: filled };
      expect(() => planSchema.nodeFromJSON(sectionDocument([node])).check()).not.toThrow();
      const inList = sectionDocument([
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, node] }] },
      ]);
      expect(() => planSchema.nodeFromJSON(inList).check()).toThrow();
    });

    it('renders every field as a data attribute and parses it back', () => {
      const node = planSchema.nodeFromJSON({ type, attrs: filled });
      const [tag, htmlAttributes] = node.type.spec.toDOM?.(node) as unknown as [string, Record<string, string>];
      expect(tag).toBe('div');
      expect(htmlAttributes['data-type']).toBe(type);
      // parseHTML only calls getAttribute, so a stand-in element is enough without a DOM.
      const element = { getAttribute: (name: string) => htmlAttributes[name] ?? null } as unknown as HTMLElement;
      const rule = node.type.spec.parseDOM?.find((candidate) => candidate.tag === `div[data-type="${type}"]`);
      expect(rule?.getAttrs?.(element)).toEqual(filled);
    });

    it('stores each field as its own Y.XmlElement attribute and reads it back unchanged', () => {
      editor = createPlanEditor(sectionDocument([{ type, attrs: filled }]));
      const doc = new Y.Doc();
      writeEditorToYDoc(editor, doc);
      const section = doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
      const element = section.get(0) as Y.XmlElement;
      expect(element.nodeName).toBe(type);
      for (const [name, value] of Object.entries(filled)) {
        if (value === null) expect(element.getAttribute(name)).toBeUndefined();
        else expect(element.getAttribute(name)).toEqual(value);
      }
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
      expect(readYDocAsProseMirror(replica).toJSON()).toEqual(editor.state.doc.toJSON());
    });
  });
}

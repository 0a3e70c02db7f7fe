import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { planSchema } from '../../../shared/schema/planExtensions.js';
import { createPlanEditor, editorJson, lineField, richField, sectionDocument } from '../planTestDocuments.js';

describe('planSection node and the plan document', () => {
  let editor: Editor | undefined;
  afterEach(() => editor?.destroy());

  it('holds text blocks and typed blocks; the document holds only sections', () => {
    const valid = sectionDocument([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Heading' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Text' }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      { type: 'goal', attrs: { id: 'CG', level: 'main' }, content: [lineField('title', 'Cel główny'), richField('description', [''])] },
    ]);
    expect(() => planSchema.nodeFromJSON(valid).check()).not.toThrow();
    expect(() => planSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph' }] }).check()).toThrow();
    expect(() => planSchema.nodeFromJSON(sectionDocument([])).check()).toThrow();
    const nested = sectionDocument([{ type: 'planSection', content: [{ type: 'paragraph' }] }]);
    expect(() => planSchema.nodeFromJSON(nested).check()).toThrow();
    // Field nodes belong inside typed blocks, never directly in a section.
    expect(() => planSchema.nodeFromJSON(sectionDocument([lineField('title', 'Zbłąkany tytuł')])).check()).toThrow();
  });

  it('has workflow attributes with defaults', () => {
    editor = createPlanEditor(sectionDocument([{ type: 'paragraph' }]));
    expect(editorJson(editor).content?.[0]?.attrs).toEqual({
      key: 'test',
      title: 'Test',
      status: 'draft',
      responsibleUserId: null,
      hint: '',
    });
  });

  it('inserts a new section after the current one and sets status and responsible user', () => {
    editor = createPlanEditor({
      type: 'doc',
      content: [
        { type: 'planSection', attrs: { key: 'a', title: 'A' }, content: [{ type: 'paragraph' }] },
        { type: 'planSection', attrs: { key: 'c', title: 'C' }, content: [{ type: 'paragraph' }] },
      ],
    });
    editor.commands.setTextSelection(2);
    expect(editor.commands.insertPlanSection({ title: 'B' })).toBe(true);
    const sections = editorJson(editor).content ?? [];
    expect(sections.map((section) => section.attrs?.['title'])).toEqual(['A', 'B', 'C']);
    expect(sections[1]?.attrs?.['key']).toBe('section-1');

    editor.commands.setTextSelection(2);
    expect(editor.commands.setPlanSectionStatus('inReview')).toBe(true);
    expect(editor.commands.setPlanSectionResponsible('user-7')).toBe(true);
    const first = editorJson(editor).content?.[0]?.attrs;
    expect(first).toMatchObject({ status: 'inReview', responsibleUserId: 'user-7' });
    expect(editorJson(editor).content?.[2]?.attrs).toMatchObject({ status: 'draft', responsibleUserId: null });
  });

  it('accepts only http, https and mailto links', () => {
    editor = createPlanEditor(sectionDocument([{ type: 'paragraph', content: [{ type: 'text', text: 'link' }] }]));
    editor.commands.setTextSelection({ from: 2, to: 6 });
    expect(editor.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false);
    expect(editor.commands.setLink({ href: 'https://example.org/' })).toBe(true);
    const mark = editorJson(editor).content?.[0]?.content?.[0]?.content?.[0]?.marks?.[0];
    expect(mark).toMatchObject({ type: 'link', attrs: { href: 'https://example.org/' } });
  });

  it('has no editor history of its own (Collaboration brings the undo)', () => {
    editor = createPlanEditor(sectionDocument([{ type: 'paragraph' }]));
    expect(editor.extensionManager.extensions.map((extension) => extension.name)).not.toContain('undoRedo');
    expect(editor.extensionManager.extensions.map((extension) => extension.name)).not.toContain('trailingNode');
  });
});

import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Plan } from '../../shared/domain/Plan.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import {
  createPlanEditor,
  fieldTextPosition,
  findBlockPosition,
  planBlock,
  readYDocAsProseMirror,
  samplePlan,
  syncDocs,
  writeEditorToYDoc,
} from './planTestDocuments.js';

function planIn(doc: Y.Doc): Plan {
  return readPlanFromYDoc(doc).plan;
}

/** Two replicas of the sample plan that have synced once, and an editor on each, as two users would have them. */
function twoUsers(): { first: Y.Doc; second: Y.Doc; firstEditor: Editor; secondEditor: Editor } {
  const first = new Y.Doc();
  writePlanToYDoc(first, samplePlan());
  const second = new Y.Doc();
  syncDocs(first, second);
  return {
    first,
    second,
    firstEditor: createPlanEditor(readYDocAsProseMirror(first).toJSON()),
    secondEditor: createPlanEditor(readYDocAsProseMirror(second).toJSON()),
  };
}

/** Types `text` at the start (`'start'`) or end (`'end'`) of a field of a block, as one transaction. */
function typeInField(editor: Editor, blockId: string, field: string, where: 'start' | 'end', text: string): void {
  const block = findBlockPosition(editor.state.doc, blockId);
  expect(block).toBeGreaterThan(0);
  const start = fieldTextPosition(editor.state.doc, block, field);
  // A rich text field's first paragraph opens one level deeper than the field.
  const inside = editor.state.doc.resolve(start).parent.isTextblock ? start : start + 1;
  const position = where === 'start' ? inside : inside + editor.state.doc.resolve(inside).parent.content.size;
  editor.chain().insertContentAt(position, { type: 'text', text }).run();
}

describe('concurrent edits of one intervention direction', () => {
  let editors: Editor[] = [];
  afterEach(() => {
    for (const editor of editors) editor.destroy();
    editors = [];
  });

  it('keeps both changes when two users change different attributes at the same time', () => {
    const { first, second, firstEditor, secondEditor } = twoUsers();
    editors = [firstEditor, secondEditor];
    const position = findBlockPosition(firstEditor.state.doc, 'KI-2.1');
    expect(position).toBeGreaterThan(0);
    firstEditor.chain().setNodeSelection(position).updateAttributes('interventionDirection', { timeframe: { start: '2027-01', end: '2028-06' } }).run();
    secondEditor
      .chain()
      .setNodeSelection(position)
      .updateAttributes('interventionDirection', { status: 'rejected', targetGroups: ['olderPersons'] })
      .run();
    writeEditorToYDoc(firstEditor, first);
    writeEditorToYDoc(secondEditor, second);
    expect(planBlock(planIn(first), 'interventionDirection', 'KI-2.1')).toMatchObject({ timeframe: { start: '2027-01', end: '2028-06' }, status: 'agreed' });
    expect(planBlock(planIn(second), 'interventionDirection', 'KI-2.1')).toMatchObject({ status: 'rejected' });

    syncDocs(first, second);

    for (const doc of [first, second]) {
      expect(planBlock(planIn(doc), 'interventionDirection', 'KI-2.1')).toMatchObject({
        timeframe: { start: '2027-01', end: '2028-06' },
        status: 'rejected',
        targetGroups: ['olderPersons'],
        goalRef: 'CS-2',
      });
    }
    expect(Y.encodeStateVector(first)).toEqual(Y.encodeStateVector(second));
  });

  it('keeps both texts when two users type in the same text field at the same time, and an attribute change beside them', () => {
    const { first, second, firstEditor, secondEditor } = twoUsers();
    editors = [firstEditor, secondEditor];
    const before = planBlock(samplePlan(), 'interventionDirection', 'KI-2.1');
    typeInField(firstEditor, 'KI-2.1', 'title', 'start', 'Pilne: ');
    typeInField(secondEditor, 'KI-2.1', 'title', 'end', ' (etap II)');
    typeInField(firstEditor, 'KI-2.1', 'description', 'end', ' Dopisek A.');
    typeInField(secondEditor, 'KI-2.1', 'description', 'start', 'Dopisek B. ');
    secondEditor.chain().setNodeSelection(findBlockPosition(secondEditor.state.doc, 'KI-2.1')).updateAttributes('interventionDirection', { status: 'rejected' }).run();
    writeEditorToYDoc(firstEditor, first);
    writeEditorToYDoc(secondEditor, second);

    syncDocs(first, second);

    const plainDescription = (before.description[0]?.content?.[0]?.text ?? '') as string;
    for (const doc of [first, second]) {
      const direction = planBlock(planIn(doc), 'interventionDirection', 'KI-2.1');
      expect(direction.title).toBe(`Pilne: ${before.title} (etap II)`);
      expect(direction.description).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: `Dopisek B. ${plainDescription} Dopisek A.` }] }]);
      expect(direction.status).toBe('rejected');
      expect(readPlanFromYDoc(doc).dropped).toEqual([]);
    }
    expect(readYDocAsProseMirror(first).toJSON()).toEqual(readYDocAsProseMirror(second).toJSON());
  });

  it('keeps both rows and their text when two users add an action and a responsible body at the same time', () => {
    const { first, second, firstEditor, secondEditor } = twoUsers();
    editors = [firstEditor, secondEditor];
    const before = planBlock(samplePlan(), 'interventionDirection', 'KI-2.1');
    for (const [editor, name] of [
      [firstEditor, 'A'],
      [secondEditor, 'B'],
    ] as const) {
      const block = findBlockPosition(editor.state.doc, 'KI-2.1');
      const node = editor.state.doc.nodeAt(block);
      let listEnd = -1;
      let responsibleEnd = -1;
      node?.forEach((child, offset) => {
        if (child.type.name === 'directionActionList') listEnd = block + 1 + offset + child.nodeSize - 1;
        if (child.attrs['field'] === 'responsible') responsibleEnd = block + 1 + offset + child.nodeSize - 1;
      });
      // The later position first, so the earlier one still holds.
      editor.chain().insertContentAt(responsibleEnd, { type: 'blockLineItem', content: [{ type: 'text', text: `podmiot ${name}` }] }).run();
      editor
        .chain()
        .insertContentAt(listEnd, { type: 'directionAction', attrs: { id: `KI-2.1.${name}` }, content: [{ type: 'text', text: `działanie ${name}` }] })
        .run();
    }
    writeEditorToYDoc(firstEditor, first);
    writeEditorToYDoc(secondEditor, second);

    syncDocs(first, second);

    for (const doc of [first, second]) {
      const direction = planBlock(planIn(doc), 'interventionDirection', 'KI-2.1');
      expect(direction.actions.slice(0, before.actions.length)).toEqual(before.actions);
      expect(direction.actions.slice(before.actions.length).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: 'KI-2.1.A', text: 'działanie A' },
        { id: 'KI-2.1.B', text: 'działanie B' },
      ]);
      expect(direction.responsible.slice(before.responsible.length).sort()).toEqual(['podmiot A', 'podmiot B']);
    }
    expect(planIn(first)).toEqual(planIn(second));
  });

  it('keeps both changes to different plan-level fields in the meta map', () => {
    const first = new Y.Doc();
    writePlanToYDoc(first, samplePlan());
    const second = new Y.Doc();
    syncDocs(first, second);
    first.getMap('meta').set('title', 'Nowy tytuł planu');
    second.getMap('meta').set('status', 'teamAgreed');
    syncDocs(first, second);
    expect(planIn(second)).toMatchObject({ title: 'Nowy tytuł planu', status: 'teamAgreed' });
    expect(planIn(first)).toMatchObject({ title: 'Nowy tytuł planu', status: 'teamAgreed' });
  });
});

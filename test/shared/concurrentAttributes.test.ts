import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PlanBlock } from '../../shared/domain/Plan.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import {
  createPlanEditor,
  findBlockPosition,
  readYDocAsProseMirror,
  samplePlanJson,
  syncDocs,
  writeEditorToYDoc,
} from './planTestDocuments.js';

function directionIn(doc: Y.Doc, id: string): PlanBlock | undefined {
  return readPlanFromYDoc(doc)
    .plan.sections.flatMap((section) => section.blocks)
    .find((block) => 'id' in block && block.id === id);
}

describe('concurrent edits of one intervention direction', () => {
  it('keeps both changes when two users change different fields at the same time', () => {
    const imported = importPlan(samplePlanJson());
    if (!imported.ok) throw new Error('sample must import');
    const first = new Y.Doc();
    writePlanToYDoc(first, imported.plan);
    const second = new Y.Doc();
    syncDocs(first, second);

    // Each user edits in an editor built from their replica, the change reaching Yjs as the binding writes it.
    const firstEditor = createPlanEditor(readYDocAsProseMirror(first).toJSON());
    const secondEditor = createPlanEditor(readYDocAsProseMirror(second).toJSON());
    const position = findBlockPosition(firstEditor.state.doc, 'KI-2.1');
    expect(position).toBeGreaterThan(0);
    firstEditor.chain().setNodeSelection(position).updateAttributes('interventionDirection', { title: 'Nowy tytuł' }).run();
    secondEditor
      .chain()
      .setNodeSelection(position)
      .updateAttributes('interventionDirection', { status: 'rejected', targetGroups: ['olderPersons'] })
      .run();
    writeEditorToYDoc(firstEditor, first);
    writeEditorToYDoc(secondEditor, second);
    expect(directionIn(first, 'KI-2.1')).toMatchObject({ title: 'Nowy tytuł', status: 'agreed' });
    expect(directionIn(second, 'KI-2.1')).toMatchObject({ status: 'rejected' });

    syncDocs(first, second);

    for (const doc of [first, second]) {
      expect(directionIn(doc, 'KI-2.1')).toMatchObject({
        title: 'Nowy tytuł',
        status: 'rejected',
        targetGroups: ['olderPersons'],
        goalRef: 'CS-2',
      });
    }
    expect(Y.encodeStateVector(first)).toEqual(Y.encodeStateVector(second));
    firstEditor.destroy();
    secondEditor.destroy();
  });

  it('keeps both changes to different plan-level fields in the meta map', () => {
    const imported = importPlan(samplePlanJson());
    if (!imported.ok) throw new Error('sample must import');
    const first = new Y.Doc();
    writePlanToYDoc(first, imported.plan);
    const second = new Y.Doc();
    syncDocs(first, second);
    first.getMap('meta').set('title', 'Nowy tytuł planu');
    second.getMap('meta').set('status', 'teamAgreed');
    syncDocs(first, second);
    expect(readPlanFromYDoc(second).plan).toMatchObject({ title: 'Nowy tytuł planu', status: 'teamAgreed' });
    expect(readPlanFromYDoc(first).plan).toMatchObject({ title: 'Nowy tytuł planu', status: 'teamAgreed' });
  });
});

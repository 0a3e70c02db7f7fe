import { Editor, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import type { Plan } from '../../shared/domain/Plan.js';
import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import sample from '../../shared/domain/samples/sample-plan-a.json';
import { planExtensions, planSchema } from '../../shared/schema/planExtensions.js';

/** The sample plan as parsed JSON, a fresh copy per call so tests can mutate it. */
export function samplePlanJson(): Plan {
  return structuredClone(sample) as unknown as Plan;
}

/** The editor's document JSON in the plain shape (TipTap's JSONContent type is a deep union). */
export function editorJson(editor: Editor): ProseMirrorNodeJson {
  return editor.getJSON() as ProseMirrorNodeJson;
}

/** A headless editor (no DOM: content must be JSON, not HTML) with the shared plan extensions. */
export function createPlanEditor(content: JSONContent): Editor {
  return new Editor({ extensions: planExtensions, content });
}

/** One section holding the given blocks. */
export function sectionDocument(blocks: JSONContent[]): JSONContent {
  return { type: 'doc', content: [{ type: 'planSection', attrs: { key: 'test', title: 'Test' }, content: blocks }] };
}

/**
 * Writes the editor's document into the Y.Doc the way the Collaboration
 * binding does (y-tiptap's updateYFragment diffs the ProseMirror document
 * against the fragment). The binding itself needs a mounted view, which a
 * headless editor does not have.
 */
export function writeEditorToYDoc(editor: Editor, doc: Y.Doc): void {
  updateYFragment(doc, doc.getXmlFragment(CONTENT_FIELD), editor.state.doc, { mapping: new Map(), isOMark: new Map() });
}

/** The ProseMirror document a client would show for this Y.Doc. */
export function readYDocAsProseMirror(doc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CONTENT_FIELD), planSchema);
}

/** Position of the first node whose `id` attribute is `id`, or -1. */
export function findBlockPosition(doc: ProseMirrorNode, id: string): number {
  let found = -1;
  doc.descendants((node, position) => {
    if (found === -1 && node.attrs['id'] === id) found = position;
    return found === -1;
  });
  return found;
}

/** Two docs exchanging their full state, as the server would relay it. */
export function syncDocs(first: Y.Doc, second: Y.Doc): void {
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first, Y.encodeStateVector(second)));
  Y.applyUpdate(first, Y.encodeStateAsUpdate(second, Y.encodeStateVector(first)));
}

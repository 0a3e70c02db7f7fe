import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../documentName.js';
import type { Plan } from '../domain/Plan.js';
import { planSchema } from '../schema/planExtensions.js';
import { planToProseMirror } from './planToProseMirror.js';
import { writePlanMeta } from './writePlanMeta.js';

/**
 * Replaces the content of a plan's Y.Doc with the plan, in one transaction
 * (one update to persist and broadcast). Expects a plan that passed
 * importPlan; planSchema rejects a structurally invalid document by throwing.
 */
export function writePlanToYDoc(doc: Y.Doc, plan: Plan): void {
  const { sections, ...meta } = plan;
  const content = planSchema.nodeFromJSON(planToProseMirror({ sections }));
  content.check();
  doc.transact(() => {
    writePlanMeta(doc, meta);
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(planSchema, content.toJSON(), fragment);
  });
}

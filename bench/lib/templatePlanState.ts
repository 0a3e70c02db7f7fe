import * as Y from 'yjs';
import { planContentForRecord } from '../../server/plans/planContentForRecord.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { recordDocumentSchemaVersion } from '../../shared/documentSchema.js';

/**
 * The document a new regional plan starts with on the plan editor (template
 * sections and metadata), as one Yjs update. Peers have no templates; the
 * many-plans scenario writes this into each of their plans so every server
 * holds the same content.
 */
export function templatePlanState(): Uint8Array {
  const doc = new Y.Doc();
  const now = Date.now();
  const plan = planContentForRecord({
    id: 'bench-template',
    workspaceId: 'bench',
    title: 'Plan zespołu',
    kind: 'regional',
    periodFrom: null,
    periodTo: null,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
  doc.transact(() => {
    writePlanToYDoc(doc, plan);
    // As PlanDocuments.write records it, so a cold load of it keeps the handoff.
    recordDocumentSchemaVersion(doc);
  });
  return Y.encodeStateAsUpdate(doc);
}

// Everything the server runs on a plan's document that needs the TipTap/ProseMirror schema
// (shared/schema/). Imported only through loadPlanDocumentCode: a server that merely listens has
// no use for the schema's ~4 MiB of heap and its start-up time (docs/architecture.md, "Module loading").
// A new plan's content is here too: its metadata defaults are built from zod field schemas.
export { updateYFragment } from '@tiptap/y-tiptap';
export { importPlan } from '../../shared/planJson/importPlan.js';
export { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
export { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
export { planSchema } from '../../shared/schema/planExtensions.js';
export { findPlanBlock, findPlanBlocks } from './findPlanBlock.js';
export { planContentForRecord } from './planContentForRecord.js';
export { upgradePlanDocument } from './migrations/upgradePlanDocument.js';

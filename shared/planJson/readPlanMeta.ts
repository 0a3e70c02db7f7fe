import * as Y from 'yjs';
import type { PlanMeta } from '../domain/Plan.js';
import { planMetaFields } from '../domain/planMetaFields.js';
import { coerceBlockAttributes } from './coerceBlockAttributes.js';
import type { DroppedContent } from './DroppedContent.js';
import { PLAN_META_FIELD } from './planMetaField.js';

export interface ReadPlanMetaResult {
  meta: PlanMeta;
  dropped: DroppedContent[];
}

/** The plan-level fields of a Y.Doc; missing or invalid ones take their defaults (invalid ones are reported). */
export function readPlanMeta(doc: Y.Doc): ReadPlanMetaResult {
  const dropped: DroppedContent[] = [];
  let stored: unknown = {};
  try {
    stored = doc.getMap<unknown>(PLAN_META_FIELD).toJSON();
  } catch (error) {
    // Another part of the process defined the field with a different type.
    dropped.push({ path: PLAN_META_FIELD, reason: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
  }
  const meta = coerceBlockAttributes(planMetaFields, stored, PLAN_META_FIELD, dropped);
  return { meta, dropped };
}

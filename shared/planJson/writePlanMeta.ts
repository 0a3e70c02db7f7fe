import * as Y from 'yjs';
import type { PlanMeta } from '../domain/Plan.js';
import { PLAN_META_KEYS } from '../domain/planMetaFields.js';
import { PLAN_META_FIELD } from './planMetaField.js';

/**
 * Writes the plan-level fields into the Y.Map 'meta', one key per field, so
 * two users changing different fields (title, period) both keep their change.
 * Unchanged fields are not rewritten.
 */
export function writePlanMeta(doc: Y.Doc, meta: PlanMeta): void {
  const map = doc.getMap<unknown>(PLAN_META_FIELD);
  doc.transact(() => {
    for (const key of PLAN_META_KEYS) {
      const value: unknown = meta[key];
      if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, structuredClone(value));
    }
  });
}

import * as Y from 'yjs';
import { CONTENT_FIELD } from '../documentName.js';
import type { Plan } from '../domain/Plan.js';
import type { DroppedContent } from './DroppedContent.js';
import { proseMirrorToPlan } from './proseMirrorToPlan.js';
import { readContentFragment } from './readContentFragment.js';
import { readPlanMeta } from './readPlanMeta.js';

export interface ReadPlanResult {
  plan: Plan;
  /** What did not fit the plan schema and was left out or defaulted; empty for a clean document. */
  dropped: DroppedContent[];
}

/**
 * Exports the plan held by a Y.Doc (meta map + content fragment). Safe on
 * documents any client may have written: never throws. Pending suggestions
 * are not part of the plan until accepted: it holds the text without them.
 */
export function readPlanFromYDoc(doc: Y.Doc): ReadPlanResult {
  const { meta, dropped } = readPlanMeta(doc);
  const json = readContentFragment(contentFragment(doc, dropped), dropped, { suggestions: 'pending' });
  const result = proseMirrorToPlan(json, meta);
  return { plan: result.plan, dropped: [...dropped, ...result.dropped] };
}

function contentFragment(doc: Y.Doc, dropped: DroppedContent[]): Y.XmlFragment {
  try {
    return doc.getXmlFragment(CONTENT_FIELD);
  } catch (error) {
    // Another part of the process defined the field with a different type.
    dropped.push({ path: CONTENT_FIELD, reason: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
    return new Y.XmlFragment();
  }
}

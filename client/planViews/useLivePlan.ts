import { startTransition, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { PLAN_META_FIELD } from '../../shared/planJson/planMetaField.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';

const DEBOUNCE_MS = 200;

/** Longest wait for an idle moment after the debounce, so the views still follow a busy editor. */
const IDLE_TIMEOUT_MS = 300;

/**
 * The plan as the exchange model, re-read from the live Y.Doc at most every
 * 200 ms while it changes (a burst of keystrokes costs one read). The reader
 * never throws on content other clients wrote.
 *
 * Off the typing path: the read waits for an idle moment between keys, and
 * the views it re-renders (side panels, outline, block warnings) render as a
 * transition, which React interrupts when the next key arrives.
 */
export function useLivePlan(doc: Y.Doc): Plan {
  const [plan, setPlan] = useState<Plan>(() => readPlanFromYDoc(doc).plan);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let idle: number | null = null;
    const read = (): void => {
      idle = null;
      const next = readPlanFromYDoc(doc).plan;
      startTransition(() => setPlan(next));
    };
    const refresh = (): void => {
      if (timer !== null || idle !== null) return;
      timer = setTimeout(() => {
        timer = null;
        idle = whenIdle(read);
      }, DEBOUNCE_MS);
    };
    const content = doc.getXmlFragment(CONTENT_FIELD);
    const meta = doc.getMap(PLAN_META_FIELD);
    content.observeDeep(refresh);
    meta.observeDeep(refresh);
    setPlan(readPlanFromYDoc(doc).plan);
    return () => {
      content.unobserveDeep(refresh);
      meta.unobserveDeep(refresh);
      if (timer !== null) clearTimeout(timer);
      if (idle !== null) cancelIdle(idle);
    };
  }, [doc]);
  return plan;
}

// Safari has no requestIdleCallback; there a short timeout stands in for it.
function whenIdle(callback: () => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  return window.setTimeout(callback, 0);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}

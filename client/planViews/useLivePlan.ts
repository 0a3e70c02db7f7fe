import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { PLAN_META_FIELD } from '../../shared/planJson/planMetaField.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';

const DEBOUNCE_MS = 200;

/**
 * The plan as the exchange model, re-read from the live Y.Doc at most every
 * 200 ms while it changes (a burst of keystrokes costs one read). The reader
 * never throws on content other clients wrote.
 */
export function useLivePlan(doc: Y.Doc): Plan {
  const [plan, setPlan] = useState<Plan>(() => readPlanFromYDoc(doc).plan);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        setPlan(readPlanFromYDoc(doc).plan);
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
    };
  }, [doc]);
  return plan;
}

import { startTransition, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { PLAN_META_FIELD } from '../../shared/planJson/planMetaField.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { whenIdle } from '../scheduling/whenIdle.js';

const DEBOUNCE_MS = 200;

/** Longest wait for an idle moment after the debounce, so the views still follow a busy editor. */
const IDLE_TIMEOUT_MS = 300;

/**
 * The plan as the exchange model, re-read from the live Y.Doc at most every
 * 200 ms while it changes (a burst of keystrokes costs one read). The reader
 * never throws on content other clients wrote.
 *
 * Off the typing path: the read waits for an idle moment between keys. One
 * store serves every view of the page (outline, side panel, block warnings),
 * each subscribed on its own (useLivePlan), so the page around them does not
 * render again on each read: a React commit that touches any element while
 * the editor has the focus walks the whole editor DOM for the selection.
 */
export class LivePlanStore {
  private plan: Plan;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelIdle: (() => void) | null = null;

  constructor(private readonly doc: Y.Doc) {
    this.plan = readPlanFromYDoc(doc).plan;
  }

  readonly getPlan = (): Plan => this.plan;

  /** The document is observed while anyone listens. */
  readonly subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) this.observe();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.unobserve();
    };
  };

  private observe(): void {
    this.doc.getXmlFragment(CONTENT_FIELD).observeDeep(this.refresh);
    this.doc.getMap(PLAN_META_FIELD).observeDeep(this.refresh);
    // It may have changed while no one listened.
    this.refresh();
  }

  private unobserve(): void {
    this.doc.getXmlFragment(CONTENT_FIELD).unobserveDeep(this.refresh);
    this.doc.getMap(PLAN_META_FIELD).unobserveDeep(this.refresh);
    if (this.timer !== null) clearTimeout(this.timer);
    this.cancelIdle?.();
    this.timer = null;
    this.cancelIdle = null;
  }

  private readonly refresh = (): void => {
    if (this.timer !== null || this.cancelIdle !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cancelIdle = whenIdle(this.read, IDLE_TIMEOUT_MS);
    }, DEBOUNCE_MS);
  };

  private readonly read = (): void => {
    this.cancelIdle = null;
    this.plan = readPlanFromYDoc(this.doc).plan;
    for (const listener of this.listeners) listener();
  };
}

/** One live plan store per document. */
export function useLivePlanStore(doc: Y.Doc): LivePlanStore {
  return useMemo(() => new LivePlanStore(doc), [doc]);
}

/** The store's plan, re-rendering the caller as a transition (React interrupts it when the next key arrives). */
export function useLivePlan(store: LivePlanStore): Plan {
  const [plan, setPlan] = useState(store.getPlan);
  useEffect(() => {
    setPlan(store.getPlan());
    return store.subscribe(() => startTransition(() => setPlan(store.getPlan())));
  }, [store]);
  return plan;
}


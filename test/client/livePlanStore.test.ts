import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { writePlanMeta } from '../../shared/planJson/writePlanMeta.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { LivePlanStore } from '../../client/planViews/useLivePlan.js';
import { samplePlan } from '../shared/planTestDocuments.js';

function planDoc(): Y.Doc {
  const doc = new Y.Doc();
  writePlanToYDoc(doc, samplePlan());
  return doc;
}

function retitle(doc: Y.Doc, title: string): void {
  const { sections: _sections, ...meta } = samplePlan();
  writePlanMeta(doc, { ...meta, title });
}

describe('the live plan store (one read of the Y.Doc for every view of the plan page)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a burst of changes once, after it, and tells every subscriber', () => {
    vi.useFakeTimers();
    const doc = planDoc();
    const store = new LivePlanStore(doc);
    expect(store.getPlan().title).toBe(samplePlan().title);
    const first = vi.fn();
    const second = vi.fn();
    store.subscribe(first);
    store.subscribe(second);
    vi.runAllTimers();
    first.mockClear();
    second.mockClear();

    for (let key = 1; key <= 5; key++) retitle(doc, `Tytuł ${key}`);
    expect(first).not.toHaveBeenCalled();
    expect(store.getPlan().title).toBe(samplePlan().title);
    vi.advanceTimersByTime(250);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(store.getPlan().title).toBe('Tytuł 5');
  });

  it('stops observing the document when the last subscriber leaves, and catches up when one comes back', () => {
    vi.useFakeTimers();
    const doc = planDoc();
    const store = new LivePlanStore(doc);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    retitle(doc, 'Zmieniony bez słuchaczy');
    vi.runAllTimers();
    expect(listener).not.toHaveBeenCalled();
    expect(store.getPlan().title).toBe(samplePlan().title);

    const again = vi.fn();
    store.subscribe(again);
    vi.runAllTimers();
    expect(again).toHaveBeenCalledTimes(1);
    expect(store.getPlan().title).toBe('Zmieniony bez słuchaczy');
  });
});

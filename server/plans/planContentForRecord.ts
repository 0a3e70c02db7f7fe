import * as Y from 'yjs';
import type { Plan } from '../../shared/domain/Plan.js';
import { readPlanMeta } from '../../shared/planJson/readPlanMeta.js';
import { createPlanSections } from '../../shared/templates/createPlanContent.js';
import type { PlanRecord } from '../../shared/plans/PlanRecord.js';

/** The starting document of a new plan: the template sections of its kind and its metadata. */
export function planContentForRecord(record: PlanRecord): Plan {
  const { meta: defaults } = readPlanMeta(new Y.Doc());
  const fromYear = yearOf(record.periodFrom) ?? new Date().getFullYear();
  const toYear = yearOf(record.periodTo) ?? fromYear + 2;
  return {
    ...defaults,
    id: record.id,
    kind: record.kind,
    title: record.title,
    language: 'pl',
    period: { from: fromYear, to: Math.max(fromYear, toYear) },
    sections: createPlanSections(record.kind, 'pl'),
  };
}

function yearOf(value: string | null): number | null {
  if (value === null) return null;
  const year = Number(value.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}

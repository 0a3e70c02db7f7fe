import type { PlanSection } from '../domain/Plan.js';
import type { ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import type { Language, PlanKind } from '../domain/taxonomy.js';
import { planToProseMirror } from '../planJson/planToProseMirror.js';
import { PLAN_TEMPLATES } from './planTemplates.js';

/** The empty sections of a new plan of this kind, titled and hinted in the plan's language. */
export function createPlanSections(kind: PlanKind, language: Language): PlanSection[] {
  return PLAN_TEMPLATES[kind].map((template) => ({
    key: template.key,
    title: template.title[language],
    hint: template.hint[language],
    blocks: [],
  }));
}

/** The editor document of a new, empty plan of this kind (each section holds one empty paragraph). */
export function createPlanContent(kind: PlanKind, language: Language): ProseMirrorNodeJson {
  return planToProseMirror({ sections: createPlanSections(kind, language) });
}

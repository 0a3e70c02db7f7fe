import type { Plan } from '../../shared/domain/Plan.js';

/** A section whose responsible person may not (or no longer) edit the plan. */
export interface IneligibleResponsible {
  sectionKey: string;
  sectionTitle: string;
  responsibleUserId: string;
}

/** The sections of `plan` whose responsible person is not among `editorIds` (members who may edit the text). */
export function findIneligibleResponsibles(plan: Plan, editorIds: ReadonlySet<string>): IneligibleResponsible[] {
  return plan.sections.flatMap((section) =>
    typeof section.responsibleUserId === 'string' && !editorIds.has(section.responsibleUserId)
      ? [{ sectionKey: section.key, sectionTitle: section.title, responsibleUserId: section.responsibleUserId }]
      : [],
  );
}

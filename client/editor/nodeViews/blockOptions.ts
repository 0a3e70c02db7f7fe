import type { Plan } from '../../../shared/domain/Plan.js';
import { listPlanBlocks } from '../../../shared/planViews/listPlanBlocks.js';
import type { ReferenceOption } from './fields/ReferenceMultiSelect.js';

/** The goals of the live plan as choices for a goal link. */
export function goalOptions(plan: Plan | null, exceptId?: string): ReferenceOption[] {
  if (plan === null) return [];
  return listPlanBlocks(plan, 'goal')
    .map(({ block }) => block)
    .filter((goal) => goal.id !== '' && goal.id !== exceptId)
    .map((goal) => ({ id: goal.id, label: [goal.id, goal.title].filter(Boolean).join(' – ') }));
}

/** The intervention directions of the live plan as choices for a direction link. */
export function directionOptions(plan: Plan | null): ReferenceOption[] {
  if (plan === null) return [];
  return listPlanBlocks(plan, 'interventionDirection')
    .map(({ block }) => block)
    .filter((direction) => direction.id !== '')
    .map((direction) => ({ id: direction.id, label: [direction.id, direction.title].filter(Boolean).join(' – ') }));
}

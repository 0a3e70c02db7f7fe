import type { Plan } from '../../shared/domain/Plan.js';
import { DOCUMENT_STATUSES, isTaxonomyCode, label, type DocumentStatus } from '../../shared/domain/taxonomy.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import { formatLongDate } from './polishFormats.js';
import { recordOf, textOf } from './untrustedValues.js';

/**
 * The document status the title page states, in the taxonomy's words. It
 * follows what the file is: an agreed version is at least "Wersja uzgodniona
 * przez zespół" whatever the plan's own status field still says (a plan file
 * says "draft" until someone changes it by hand); a plan adopted by
 * resolution names the resolution. The working draft and named versions say
 * what the plan's status says, except that they are never the agreed text.
 */
export function documentStatusLine(plan: Plan, version: PlanVersion | null): string {
  const recorded: DocumentStatus = isTaxonomyCode('documentStatuses', plan.status) ? plan.status : 'draft';
  const isAgreed = version?.kind === 'agreed';
  let status = recorded;
  if (isAgreed && rank(recorded) < rank('teamAgreed')) status = 'teamAgreed';
  // Only the frozen agreed version is the agreed text; the draft and named versions after it are working drafts again.
  if (!isAgreed && recorded === 'teamAgreed') status = 'draft';
  const text = label('documentStatuses', status, 'pl');
  if (status !== 'adopted') return text;
  const adoption = recordOf(plan.adoption);
  const number = textOf(adoption['resolutionNumber']);
  const date = textOf(adoption['date']);
  // "Przyjęty uchwałą" completes to "Przyjęty uchwałą Nr 12/2026 z dnia 3 lipca 2026 r." when the plan records the resolution.
  return [text, number === '' ? '' : `Nr ${number}`, date === '' ? '' : `z dnia ${formatLongDate(date)}`].filter(Boolean).join(' ');
}

function rank(status: DocumentStatus): number {
  return DOCUMENT_STATUSES.indexOf(status);
}

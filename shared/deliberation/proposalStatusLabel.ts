import { label, type Language } from '../domain/taxonomy.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from './ProposalState.js';

// `withdrawn` is the editor's own status (the domain taxonomy lists it as optional, without a label).
const WITHDRAWN: Record<Language, string> = { pl: 'Wycofany', en: 'Withdrawn' };
// Derived, never recorded: an agreed block whose content no longer is the agreed text.
const CHANGED_SINCE_AGREEMENT: Record<Language, string> = { pl: 'Zmieniony po uzgodnieniu', en: 'Changed since agreement' };

/**
 * The one wording of a proposal status, for the editor and every export: the
 * domain taxonomy's labels. The Polish labels are masculine because they
 * qualify "status" ("Status: Uzgodniony", "zmienia status: Szkic →
 * Zaproponowany"), which reads right for a direction and a recommendation alike.
 */
export function proposalStatusLabel(status: ProposalStatus | string, language: Language): string {
  if (status === 'withdrawn') return WITHDRAWN[language];
  if (status === 'changedSinceAgreement') return CHANGED_SINCE_AGREEMENT[language];
  return label('blockStatuses', status, language);
}

/** Every status with its label, as the editor's translation tables take them. */
export function proposalStatusLabels(language: Language): Record<ProposalStatus, string> {
  return Object.fromEntries(PROPOSAL_STATUSES.map((status) => [status, proposalStatusLabel(status, language)])) as Record<ProposalStatus, string>;
}

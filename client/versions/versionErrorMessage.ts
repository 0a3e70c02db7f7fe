import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';

/** Version and export refusals in words; anything else as every other API error. */
export function versionErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error, 'openProposals')) return t('versions.errors.openProposals');
  if (isApiError(error, 'ineligibleResponsible')) return t('versions.errors.ineligibleResponsible', { sections: sectionTitles(error.details) });
  if (isApiError(error, 'consultationNotClosed')) return t('versions.errors.consultationNotClosed');
  if (isApiError(error, 'remarksNotAnswered')) return t('versions.errors.remarksNotAnswered');
  if (isApiError(error, 'unsupportedFormat')) return t('versions.errors.unsupportedFormat');
  return apiErrorMessage(error, t);
}

/** The section titles a 409 ineligibleResponsible names, quoted, as one list. */
function sectionTitles(details: unknown): string {
  const sections = typeof details === 'object' && details !== null && 'sections' in details ? (details as { sections: unknown }).sections : null;
  if (!Array.isArray(sections)) return '';
  return sections
    .map((section: unknown) => (typeof section === 'object' && section !== null && 'sectionTitle' in section ? String((section as { sectionTitle: unknown }).sectionTitle) : ''))
    .filter((title) => title !== '')
    .map((title) => `„${title}”`)
    .join(', ');
}

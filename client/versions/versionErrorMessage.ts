import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';

/** Version and export refusals in words; anything else as every other API error. */
export function versionErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error, 'openProposals')) return t('versions.errors.openProposals');
  if (isApiError(error, 'unsupportedFormat')) return t('versions.errors.unsupportedFormat');
  return apiErrorMessage(error, t);
}

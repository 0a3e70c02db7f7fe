import type { TFunction } from 'i18next';
import { isApiError } from './ApiError.js';

const PASSWORD_REASONS = ['tooShort', 'tooLong', 'tooCommon', 'containsEmail'] as const;
type PasswordReason = (typeof PASSWORD_REASONS)[number];

const isPasswordReason = (value: unknown): value is PasswordReason =>
  typeof value === 'string' && (PASSWORD_REASONS as readonly string[]).includes(value);

/** What to tell the user about a failed call, in the current language; unknown codes get a generic text. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  const details = error.details as Record<string, unknown> | undefined;
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'wrongCredentials':
      return t('errors.wrongCredentials');
    case 'emailTaken':
      return t('errors.emailTaken');
    case 'weakPassword': {
      const reason = details?.reason;
      return isPasswordReason(reason) ? t(`errors.weakPassword.${reason}`) : t('errors.weakPassword.tooShort');
    }
    case 'tooManyAttempts': {
      const seconds = typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 900;
      return t('errors.tooManyAttempts', { minutes: String(Math.max(1, Math.ceil(seconds / 60))) });
    }
    case 'invitationExpired':
      return t('errors.invitationExpired');
    case 'invitationUsed':
      return t('errors.invitationUsed');
    case 'invitationRevoked':
      return t('errors.invitationRevoked');
    case 'invitationForAnotherEmail':
      return t('errors.invitationForAnotherEmail');
    case 'lastChair':
      return t('errors.lastChair');
    case 'forbidden':
      return t('errors.forbidden');
    case 'notFound':
      return t('errors.notFound');
    case 'unauthorized':
      return t('errors.unauthorized');
    case 'invalidBody':
      return t('errors.invalidBody');
    case 'originNotAllowed':
      return t('errors.originNotAllowed');
    case 'serverBusy':
    case 'tooManyComments':
      return t(`errors.${error.code}`, { seconds: String(typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 5) });
    case 'bodyTooLarge':
      return t('errors.bodyTooLarge');
    default:
      return t('errors.unexpected');
  }
}

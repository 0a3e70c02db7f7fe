import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';

const COMMENT_ERROR_CODES = ['unknownBlock', 'invalidAnchor', 'unknownMention', 'commentDeleted', 'suggestionNotInText'] as const;
type CommentErrorCode = (typeof COMMENT_ERROR_CODES)[number];

const isCommentErrorCode = (code: string): code is CommentErrorCode => (COMMENT_ERROR_CODES as readonly string[]).includes(code);

/** The comment routes' own refusals in words; anything else as every other API error. */
export function commentErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && isCommentErrorCode(error.code)) return t(`comments.errors.${error.code}`);
  return apiErrorMessage(error, t);
}

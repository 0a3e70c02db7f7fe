import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';

const PROPOSAL_ERROR_CODES = [
  'invalidTransition',
  'noteRequired',
  'votingClosed',
  'forbidden',
  'unknownBlock',
  'notAProposal',
  'titleRequired',
  'methodRequired',
  'noVotes',
  'tallyContradictsDecision',
] as const;
type ProposalErrorCode = (typeof PROPOSAL_ERROR_CODES)[number];

const isProposalErrorCode = (code: string): code is ProposalErrorCode => (PROPOSAL_ERROR_CODES as readonly string[]).includes(code);

/** A refused proposal call in the user's language; other codes fall back to the general API messages. */
export function proposalErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && isProposalErrorCode(error.code)) return t(`blocks.proposals.errors.${error.code}`);
  return apiErrorMessage(error, t);
}

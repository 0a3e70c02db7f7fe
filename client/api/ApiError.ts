/** The code the client shows when the server could not be reached at all. */
export const NETWORK_ERROR_CODE = 'network';

/**
 * A refused or failed API call: the server's `{error: {code, message, details}}`,
 * or status 0 with code `network` when no answer arrived.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

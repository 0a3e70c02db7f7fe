/**
 * The one error family of the server: HTTP handlers answer with `status` and
 * `code`; the upgrade handler refuses with `status`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown): AppError =>
  new AppError(400, code, message, details);
export const unauthorized = (message = 'Not logged in'): AppError => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Not allowed'): AppError => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found'): AppError => new AppError(404, 'notFound', message);

import { ApiError, NETWORK_ERROR_CODE } from './ApiError.js';

/** Fired when any call (other than the session check itself) answers 401, so the session provider can react once. */
export const UNAUTHORIZED_EVENT = 'plan-editor:unauthorized';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** One JSON call to `/api<path>` with the session cookie; resolves with the body or throws an ApiError. */
export async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, NETWORK_ERROR_CODE, error instanceof Error ? error.message : 'Network error');
  }
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : safeParse(text);
  if (response.ok) return parsed as T;
  const error = (parsed as ErrorBody | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  if (response.status === 401 && path !== '/me' && !path.startsWith('/auth/')) {
    window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  }
  throw new ApiError(response.status, code, message, error?.details);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy error page or similar: treat it as no body.
    return undefined;
  }
}

import type { FastifyInstance } from 'fastify';
import type { User } from '../accounts/AccountService.js';
import { unauthorized } from '../errors.js';
import { SESSION_COOKIE } from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's user. Set before the body is read on every route that is not public; public routes never read it. */
    user: User;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, registration, an invitation's preview, public consultations). */
    isPublic?: boolean;
  }
}

/** Route options for a route anyone may call. */
export const PUBLIC_ROUTE = { config: { isPublic: true } } as const;

// Routes under /api/public/ are for people without an account, whatever their options say.
const PUBLIC_PREFIX = '/api/public/';

/** Bodies anyone may send: a login, a registration, a remark. */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
/** Bodies a member may send to a route that does not set its own limit (JSON commands; a plan import sets more). */
export const AUTHENTICATED_BODY_LIMIT = 1024 * 1024;

export interface SessionUserOptions {
  userForSession: (token: string | undefined) => Promise<User | null>;
}

/**
 * Authenticates every non-public route in `onRequest`, before Fastify reads
 * the body, and sets `request.user`: a request without a valid session is
 * answered 401 without its body ever being parsed. Bodies are small for
 * anonymous routes and larger only for members.
 */
export function registerSessionUser(app: FastifyInstance, options: SessionUserOptions): void {
  // A placeholder of the decorated shape (Fastify keeps request objects monomorphic); null until the hook sets it.
  app.decorateRequest('user', null as unknown as User);
  app.addHook('onRoute', (route) => {
    const isPublic = route.config?.isPublic === true || route.url.startsWith(PUBLIC_PREFIX);
    route.bodyLimit ??= isPublic ? ANONYMOUS_BODY_LIMIT : AUTHENTICATED_BODY_LIMIT;
  });
  app.addHook('onRequest', async (request) => {
    if (request.is404 || request.routeOptions.config.isPublic === true || request.routeOptions.url?.startsWith(PUBLIC_PREFIX)) return;
    const user = await options.userForSession(request.cookies[SESSION_COOKIE]);
    if (user === null) throw unauthorized();
    request.user = user;
  });
}

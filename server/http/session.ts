import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService, Session, User } from '../accounts/AccountService.js';
import { unauthorized } from '../errors.js';

export const SESSION_COOKIE = 'plan_session';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: Session): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The logged-in user, or a 401. Routes read `request.user` (sessionUser.ts), which is already checked. */
export async function requireUser(request: FastifyRequest, accounts: AccountService): Promise<User> {
  // Set by the session hook on every non-public route; the query below serves callers outside that hook.
  if ((request.user as User | null) !== null) return request.user;
  const user = await accounts.userForSession(request.cookies[SESSION_COOKIE]);
  if (user === null) throw unauthorized();
  return user;
}

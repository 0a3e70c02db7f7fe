import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../accounts/AccountService.js';
import { loginBody, registerBody } from './schemas.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session.js';
import { PUBLIC_ROUTE } from './sessionUser.js';

export interface AuthRouteHooks {
  /** Called after a logout, so the session's open sockets close too. */
  onLogout: (token: string) => void;
}

export function authRoutes(accounts: AccountService, hooks: AuthRouteHooks) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/auth/register', PUBLIC_ROUTE, async (request, reply) => {
      const body = registerBody.parse(request.body);
      const session = await accounts.register(body, request.ip);
      setSessionCookie(request, reply, session);
      return reply.status(201).send({ user: session.user });
    });

    app.post('/auth/login', PUBLIC_ROUTE, async (request, reply) => {
      const body = loginBody.parse(request.body);
      const session = await accounts.login(body, request.ip);
      setSessionCookie(request, reply, session);
      return { user: session.user };
    });

    app.post('/auth/logout', PUBLIC_ROUTE, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await accounts.logout(token);
        hooks.onLogout(token);
      }
      clearSessionCookie(reply);
      return reply.status(204).send();
    });

    app.get('/me', async (request) => ({ user: request.user }));
  };
}

import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError } from '../api/ApiError.js';
import { UNAUTHORIZED_EVENT } from '../api/apiRequest.js';
import { fetchMe, login as loginRequest, logout as logoutRequest, register as registerRequest, type RegisterInput, type User } from '../api/authApi.js';

export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'anonymous'; user: null; loadError: unknown }
  | { status: 'authenticated'; user: User };

export interface Session {
  state: SessionState;
  login(input: { email: string; password: string }): Promise<User>;
  register(input: RegisterInput): Promise<User>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** Who is logged in: asks GET /api/me once, then follows login, register, logout and any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });

  useEffect(() => {
    let isCurrent = true;
    fetchMe().then(
      (user) => isCurrent && setState({ status: 'authenticated', user }),
      // 401 is the normal "not logged in"; anything else is kept so the page can say the server is unreachable.
      (error: unknown) =>
        isCurrent && setState({ status: 'anonymous', user: null, loadError: isApiError(error) && error.status === 401 ? null : error }),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  useEffect(() => {
    // The session expired or was ended elsewhere: protected pages redirect to the login page.
    const handleUnauthorized = (): void => setState({ status: 'anonymous', user: null, loadError: null });
    window.addEventListener(UNAUTHORIZED_EVENT, handleUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, handleUnauthorized);
  }, []);

  const login = useCallback(async (input: { email: string; password: string }) => {
    const user = await loginRequest(input);
    setState({ status: 'authenticated', user });
    return user;
  }, []);

  const register = useCallback(async (input: RegisterInput) => {
    const user = await registerRequest(input);
    setState({ status: 'authenticated', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    await logoutRequest();
    setState({ status: 'anonymous', user: null, loadError: null });
  }, []);

  const session = useMemo<Session>(() => ({ state, login, register, logout }), [state, login, register, logout]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

import { useContext } from 'react';
import { SessionContext, type Session } from './SessionProvider.js';

/** The current session; components must be inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

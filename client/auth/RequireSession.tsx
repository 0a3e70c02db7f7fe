import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/authApi.js';
import { currentLocation, navigate } from '../routing/navigate.js';
import { loginPath } from '../routing/parseRoute.js';
import { useSession } from './useSession.js';

/** Renders the page for a logged-in user; anyone else goes to the login page and comes back here afterwards. */
export function RequireSession({ children }: { children: (user: User) => ReactNode }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const isAnonymous = state.status === 'anonymous';
  useEffect(() => {
    if (isAnonymous) navigate(loginPath(currentLocation()), { replace: true });
  }, [isAnonymous]);
  if (state.status === 'authenticated') return <>{children(state.user)}</>;
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return null;
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../routing/navigate.js';
import { useSession } from './useSession.js';

/** The header's "who am I" with the logout button; nothing while nobody is logged in. */
export function UserMenu() {
  const { t } = useTranslation();
  const { state, logout } = useSession();
  const [isPending, setIsPending] = useState(false);
  if (state.status !== 'authenticated') return null;
  const handleLogout = async (): Promise<void> => {
    setIsPending(true);
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch {
      // Still logged in (the server could not be reached); the button stays for another try.
    } finally {
      setIsPending(false);
    }
  };
  return (
    <div className="user-menu">
      <span className="user-menu__name" title={state.user.email}>
        {t('app.signedInAs', { name: state.user.name })}
      </span>
      <button type="button" className="button button--small" disabled={isPending} onClick={() => void handleLogout()}>
        {t('auth.logout')}
      </button>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { acceptInvitation, previewInvitation } from '../api/invitationApi.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { useSession } from '../auth/useSession.js';
import { Link } from '../routing/Link.js';
import { navigate } from '../routing/navigate.js';
import { invitationPath, loginPath, registerPath, workspacePath } from '../routing/parseRoute.js';
import { formatDate } from './formatDate.js';

/** `/invitations/<token>`: what the link offers; join when logged in, otherwise log in or register and come back. */
export function InvitationPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const { state: session } = useSession();
  const { state } = useApiQuery(() => previewInvitation(token), [token]);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const join = async (): Promise<void> => {
    setIsPending(true);
    setError(null);
    try {
      const { workspaceId } = await acceptInvitation(token);
      navigate(workspacePath(workspaceId));
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
      setIsPending(false);
    }
  };

  if (state.status === 'loading' || session.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="notice notice--error" role="alert">
        {isApiError(state.error, 'notFound') ? t('invitation.notFound') : apiErrorMessage(state.error, t)}
      </div>
    );
  }

  const invitation = state.data;
  const here = invitationPath(token);
  return (
    <div className="auth-page">
      <h1 className="page-title">{t('invitation.heading')}</h1>
      <section className="card" aria-labelledby="invitation-workspace">
        <p>{t('invitation.intro')}</p>
        <h2 id="invitation-workspace" className="invitation__workspace">
          {invitation.workspaceName}
        </h2>
        <dl className="details">
          <dt>{t('invitation.role')}</dt>
          <dd>{t(`role.${invitation.role}`)}</dd>
          {invitation.email !== null && (
            <>
              <dt>{t('invitation.forEmail')}</dt>
              <dd>{invitation.email}</dd>
            </>
          )}
          <dt>{t('invitation.expires')}</dt>
          <dd>{formatDate(invitation.expiresAt, i18n.language)}</dd>
        </dl>
        {invitation.state !== 'open' ? (
          <div className="notice notice--warning" role="alert">
            {t(`invitation.state.${invitation.state}`)}
          </div>
        ) : session.status === 'authenticated' ? (
          <>
            {error !== null && (
              <div className="notice notice--error" role="alert">
                {error}
              </div>
            )}
            <p className="hint">{t('invitation.joiningAs', { name: session.user.name, email: session.user.email })}</p>
            <div className="form-actions">
              <button type="button" className="button button--primary" disabled={isPending} onClick={() => void join()}>
                {t('invitation.join')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p>{t('invitation.loginFirst')}</p>
            <div className="form-actions">
              <Link className="button button--primary" href={registerPath(here)}>
                {t('invitation.register')}
              </Link>
              <Link className="button" href={loginPath(here)}>
                {t('invitation.login')}
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

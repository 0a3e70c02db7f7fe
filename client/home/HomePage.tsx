import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { listWorkspaces } from '../api/workspaceApi.js';
import { Link } from '../routing/Link.js';
import { workspacePath } from '../routing/parseRoute.js';
import { CreateWorkspaceForm } from './CreateWorkspaceForm.js';

/** `/`: the teams the user belongs to, and a form to start a new one. */
export function HomePage() {
  const { t } = useTranslation();
  const { state, reload } = useApiQuery(listWorkspaces, []);
  return (
    <>
      <h1 className="page-title">{t('home.heading')}</h1>
      <p className="page-subtitle">{t('app.subtitle')}</p>
      <div className="home">
        <section className="card" aria-labelledby="home-workspaces-heading">
          <h2 id="home-workspaces-heading">{t('home.workspacesHeading')}</h2>
          {state.status === 'loading' && (
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          )}
          {state.status === 'error' && (
            <div className="notice notice--error" role="alert">
              {apiErrorMessage(state.error, t)}{' '}
              <button type="button" className="button button--link" onClick={reload}>
                {t('common.retry')}
              </button>
            </div>
          )}
          {state.status === 'ready' && state.data.length === 0 && <p className="empty">{t('home.noWorkspaces')}</p>}
          {state.status === 'ready' && state.data.length > 0 && (
            <ul className="item-list">
              {state.data.map((workspace) => (
                <li key={workspace.id} className="item-list__item">
                  <Link className="item-list__title" href={workspacePath(workspace.id)}>
                    {workspace.name}
                  </Link>
                  <span className="badge">{t(`role.${workspace.role}`)}</span>
                  {workspace.description !== '' && <p className="item-list__meta">{workspace.description}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <CreateWorkspaceForm />
      </div>
    </>
  );
}

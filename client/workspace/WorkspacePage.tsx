import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/workspace/roles.js';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { User } from '../api/authApi.js';
import { listPlans } from '../api/planApi.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { fetchWorkspace } from '../api/workspaceApi.js';
import { Link } from '../routing/Link.js';
import { CreatePlanForm } from './CreatePlanForm.js';
import { EditWorkspaceForm } from './EditWorkspaceForm.js';
import { ImportPlanForm } from './ImportPlanForm.js';
import { InvitationPanel } from './InvitationPanel.js';
import { MemberList } from './MemberList.js';
import { PlanItem } from './PlanItem.js';

/** `/workspaces/<id>`: the team's plans, members and (for the chair) invitations. */
export function WorkspacePage({ workspaceId, user }: { workspaceId: string; user: User }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const { state, reload } = useApiQuery(
    async () => {
      const [details, plans] = await Promise.all([fetchWorkspace(workspaceId), listPlans(workspaceId)]);
      return { ...details, plans };
    },
    [workspaceId],
  );

  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="notice notice--error" role="alert">
        {isApiError(state.error, 'notFound') ? t('workspace.notFound') : apiErrorMessage(state.error, t)}{' '}
        <Link href="/">{t('workspace.backHome')}</Link>
      </div>
    );
  }

  const { workspace, members, plans } = state.data;
  const canManagePlans = can(workspace.role, 'plan.manage');
  const activePlans = plans.filter((plan) => plan.status === 'active');
  const archivedPlans = plans.filter((plan) => plan.status === 'archived');

  return (
    <div className="workspace-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href="/">{t('home.heading')}</Link>
      </nav>
      <h1 className="page-title">{workspace.name}</h1>
      {workspace.description !== '' && <p className="page-subtitle workspace-page__description">{workspace.description}</p>}
      <p className="workspace-page__role">
        {t('workspace.yourRole')} <span className="badge">{t(`role.${workspace.role}`)}</span>
      </p>
      {can(workspace.role, 'workspace.manageMembers') && <EditWorkspaceForm key={`${workspace.name}\n${workspace.description}`} workspace={workspace} onSaved={reload} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="workspace-page__grid">
        <section className="card card--wide" aria-labelledby="plans-heading">
          <h2 id="plans-heading">{t('plans.heading')}</h2>
          {activePlans.length === 0 ? (
            <p className="empty">{canManagePlans ? t('plans.noneManager') : t('plans.none')}</p>
          ) : (
            <ul className="item-list" aria-labelledby="plans-heading">
              {activePlans.map((plan) => (
                <PlanItem key={plan.id} plan={plan} canManage={canManagePlans} onChanged={reload} />
              ))}
            </ul>
          )}
          {archivedPlans.length > 0 && (
            <details className="archived-plans">
              <summary>{t('plans.archivedHeading', { count: archivedPlans.length })}</summary>
              <ul className="item-list">
                {archivedPlans.map((plan) => (
                  <PlanItem key={plan.id} plan={plan} canManage={canManagePlans} onChanged={reload} />
                ))}
              </ul>
            </details>
          )}
          {canManagePlans && (
            <>
              <CreatePlanForm
                workspaceId={workspaceId}
                onCreated={(plan) => {
                  setAnnouncement(t('plans.created', { title: plan.title }));
                  reload();
                }}
              />
              <ImportPlanForm
                workspaceId={workspaceId}
                onImported={(plan) => {
                  setAnnouncement(t('plans.created', { title: plan.title }));
                  reload();
                }}
              />
            </>
          )}
        </section>
        <MemberList
          workspaceId={workspaceId}
          workspaceName={workspace.name}
          members={members}
          myRole={workspace.role}
          user={user}
          onChanged={reload}
        />
        {can(workspace.role, 'workspace.manageMembers') && <InvitationPanel workspaceId={workspaceId} onChanged={reload} />}
      </div>
    </div>
  );
}

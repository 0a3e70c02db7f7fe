import { useTranslation } from 'react-i18next';
import { isValidPlanId } from '../../shared/documentName.js';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { User } from '../api/authApi.js';
import { fetchPlan } from '../api/planApi.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { fetchWorkspace } from '../api/workspaceApi.js';
import { Link } from '../routing/Link.js';
import { workspacePath } from '../routing/parseRoute.js';
import { PlanWorkspace } from './PlanWorkspace.js';

/** /plans/<planId>: the plan's record (title, the user's role, its team), then the live document. */
export function PlanPage({ planId, user }: { planId: string; user: User }) {
  const { t } = useTranslation();
  const isValid = isValidPlanId(planId);
  const { state, reload } = useApiQuery(async () => {
    if (!isValid) return null;
    const { plan, role } = await fetchPlan(planId);
    // The team's name is only for the way back; the plan opens without it.
    const workspaceName = await fetchWorkspace(plan.workspaceId).then(
      (details) => details.workspace.name,
      () => null,
    );
    return { plan, role, workspaceName };
  }, [planId, isValid]);

  if (!isValid) {
    return (
      <div className="notice notice--error" role="alert">
        {t('plan.invalidId', { planId })}
      </div>
    );
  }
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('plan.loading')}
      </p>
    );
  }
  if (state.status === 'error' || state.data === null) {
    const error = state.status === 'error' ? state.error : null;
    return (
      <div className="notice notice--error" role="alert">
        {isApiError(error, 'notFound') ? t('plan.access.notFound') : apiErrorMessage(error, t)} <Link href="/">{t('workspace.backHome')}</Link>
      </div>
    );
  }

  const { plan, role, workspaceName } = state.data;
  return (
    <>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link href="/">{t('home.heading')}</Link>
        <span aria-hidden="true"> › </span>
        <Link href={workspacePath(plan.workspaceId)}>{workspaceName ?? t('plan.backToWorkspace')}</Link>
      </nav>
      <p className="plan-meta">
        <span>{t(`planKind.${plan.kind}`)}</span>
        <span className="plan-meta__role">
          {t('workspace.yourRole')} <span className="badge" data-role={role}>{t(`role.${role}`)}</span>
        </span>
        {plan.status === 'archived' && <span className="badge badge--muted">{t('planStatus.archived')}</span>}
      </p>
      <PlanWorkspace
        key={`${planId}\n${user.id}`}
        planId={planId}
        title={plan.title}
        user={user}
        workspaceId={plan.workspaceId}
        role={role}
        onAccessChanged={reload}
      />
    </>
  );
}

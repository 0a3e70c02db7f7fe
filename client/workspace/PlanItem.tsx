import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { PlanRecord } from '../../shared/plans/PlanRecord.js';
import { updatePlan } from '../api/planApi.js';
import { TextField } from '../forms/TextField.js';
import { Link } from '../routing/Link.js';
import { planPath } from '../routing/parseRoute.js';
import { ConfirmButton } from './ConfirmButton.js';
import { formatPeriod } from './formatPeriod.js';

export interface PlanItemProps {
  plan: PlanRecord;
  canManage: boolean;
  onChanged: () => void;
}

/** One plan in the workspace list, with rename and archive for those who manage plans. */
export function PlanItem({ plan, canManage, onChanged }: PlanItemProps) {
  const { t } = useTranslation();
  const [isRenaming, setIsRenaming] = useState(false);
  const [title, setTitle] = useState(plan.title);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const rename = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (title.trim() === '') {
      setError(t('plans.titleRequired'));
      return;
    }
    setIsPending(true);
    try {
      await updatePlan(plan.id, { title: title.trim() });
      setIsRenaming(false);
      setError(null);
      onChanged();
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  const setArchived = async (isArchived: boolean): Promise<void> => {
    await updatePlan(plan.id, { status: isArchived ? 'archived' : 'active' });
    onChanged();
  };

  return (
    <li className="item-list__item" data-plan-id={plan.id}>
      {isRenaming ? (
        <form
          className="inline-form"
          onSubmit={(event) => void rename(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setIsRenaming(false);
          }}
          noValidate
        >
          <TextField label={t('plans.newTitle')} name="renameTitle" value={title} onChange={setTitle} error={error} maxLength={300} autoFocus />
          <div className="form-actions">
            <button type="submit" className="button button--primary button--small" disabled={isPending}>
              {t('common.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setIsRenaming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <Link className="item-list__title" href={planPath(plan.id)}>
          {plan.title}
        </Link>
      )}
      <p className="item-list__meta">
        {t(`planKind.${plan.kind}`)} · {formatPeriod(plan.periodFrom, plan.periodTo, t)}
        {plan.status === 'archived' && <span className="badge badge--muted">{t('planStatus.archived')}</span>}
      </p>
      {canManage && !isRenaming && (
        <div className="item-list__actions">
          <button
            type="button"
            className="button button--small"
            aria-label={t('plans.renameNamed', { title: plan.title })}
            onClick={() => {
              setTitle(plan.title);
              setError(null);
              setIsRenaming(true);
            }}
          >
            {t('plans.rename')}
          </button>
          {plan.status === 'active' ? (
            <ConfirmButton
              label={t('plans.archive')}
              accessibleLabel={t('plans.archiveNamed', { title: plan.title })}
              title={t('plans.archiveConfirmTitle')}
              message={t('plans.archiveConfirm', { title: plan.title })}
              confirmLabel={t('plans.archive')}
              onConfirm={() => setArchived(true)}
            />
          ) : (
            <button
              type="button"
              className="button button--small"
              aria-label={t('plans.unarchiveNamed', { title: plan.title })}
              onClick={() => void setArchived(false).catch((caught: unknown) => setError(apiErrorMessage(caught, t)))}
            >
              {t('plans.unarchive')}
            </button>
          )}
          {error !== null && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

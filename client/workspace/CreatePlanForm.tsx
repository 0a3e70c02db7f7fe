import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_KINDS, type PlanKind } from '../../shared/domain/taxonomy.js';
import type { PlanRecord } from '../../shared/plans/PlanRecord.js';
import { createPlan } from '../api/planApi.js';
import { FormError } from '../forms/FormError.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { useFormSubmit } from '../forms/useFormSubmit.js';
import { isYearMonth } from './isYearMonth.js';

interface FieldErrors {
  title?: string;
  periodFrom?: string;
  periodTo?: string;
}

/** For the chair and the secretary: a new plan of one of the three kinds, with an optional period. */
export function CreatePlanForm({ workspaceId, onCreated }: { workspaceId: string; onCreated: (plan: PlanRecord) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<PlanKind>('local');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const from = periodFrom.trim();
  const to = periodTo.trim();

  const { formError, isPending, onSubmit } = useFormSubmit({
    validate: () => {
      const errors: FieldErrors = {
        title: title.trim() === '' ? t('plans.titleRequired') : undefined,
        periodFrom: from !== '' && !isYearMonth(from) ? t('plans.periodInvalid') : undefined,
        periodTo:
          to !== '' && !isYearMonth(to) ? t('plans.periodInvalid') : from !== '' && to !== '' && to < from ? t('plans.periodOrder') : undefined,
      };
      setFieldErrors(errors);
      return Object.values(errors).every((error) => error === undefined);
    },
    send: async () => {
      const plan = await createPlan(workspaceId, { title: title.trim(), kind, periodFrom: from || null, periodTo: to || null });
      setTitle('');
      setPeriodFrom('');
      setPeriodTo('');
      onCreated(plan);
    },
  });

  return (
    <form className="subcard" onSubmit={onSubmit} noValidate aria-labelledby="create-plan-heading">
      <h3 id="create-plan-heading">{t('plans.createHeading')}</h3>
      <FormError message={formError} />
      <TextField label={t('plans.title')} name="planTitle" value={title} onChange={setTitle} error={fieldErrors.title} maxLength={300} />
      <SelectField
        label={t('plans.kind')}
        name="planKind"
        value={kind}
        onChange={setKind}
        options={PLAN_KINDS.map((value) => ({ value, label: t(`planKind.${value}`) }))}
      />
      <div className="field-row">
        <TextField
          label={t('plans.periodFrom')}
          hint={t('plans.periodHint')}
          name="periodFrom"
          inputMode="numeric"
          placeholder="2025"
          value={periodFrom}
          onChange={setPeriodFrom}
          error={fieldErrors.periodFrom}
          maxLength={7}
        />
        <TextField
          label={t('plans.periodTo')}
          hint={t('plans.periodHint')}
          name="periodTo"
          inputMode="numeric"
          placeholder="2030"
          value={periodTo}
          onChange={setPeriodTo}
          error={fieldErrors.periodTo}
          maxLength={7}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? t('common.saving') : t('plans.create')}
        </button>
      </div>
    </form>
  );
}

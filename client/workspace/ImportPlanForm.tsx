import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/ApiError.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import type { PlanRecord } from '../../shared/plans/PlanRecord.js';
import { importPlanFile } from '../api/planApi.js';
import { FormError } from '../forms/FormError.js';

// Bundled so a new team can look around with realistic content; every number in it is made up.
const loadSamplePlan = () => import('../../shared/domain/samples/sample-plan-a.json').then((module) => module.default);

/** For the chair and the secretary: a plan from a JSON file, or the illustrative sample plan. */
export function ImportPlanForm({ workspaceId, onImported }: { workspaceId: string; onImported: (plan: PlanRecord) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  const importContent = async (read: () => Promise<unknown>): Promise<void> => {
    setError(null);
    setIsPending(true);
    try {
      onImported(await importPlanFile(workspaceId, await read()));
    } catch (caught) {
      // An invalid file is answered with the exact place of each problem; show those.
      if (isApiError(caught) && caught.code === 'invalidPlan') setError(t('plans.importInvalid', { details: caught.message }));
      else if (caught instanceof SyntaxError) setError(t('plans.importNotJson'));
      else setError(apiErrorMessage(caught, t));
    } finally {
      setIsPending(false);
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importContent(async () => JSON.parse(await file.text()) as unknown);
  };

  return (
    <section className="subcard" aria-labelledby={`${inputId}-heading`} aria-busy={isPending}>
      <h3 id={`${inputId}-heading`}>{t('plans.importHeading')}</h3>
      <p className="hint">{t('plans.importHint')}</p>
      <FormError message={error} />
      <div className="button-row">
        <button type="button" className="button" disabled={isPending} onClick={() => fileInput.current?.click()}>
          {t('plans.importFile')}
        </button>
        <input
          ref={fileInput}
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          tabIndex={-1}
          aria-hidden="true"
          onChange={onFile}
        />
        <button type="button" className="button" disabled={isPending} onClick={() => void importContent(loadSamplePlan)}>
          {t('plans.importSample')}
        </button>
        {isPending && <span role="status">{t('plans.importing')}</span>}
      </div>
    </section>
  );
}

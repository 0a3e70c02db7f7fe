import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { polishDate } from '../../shared/consultations/consultationStatus.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { listVersions } from '../versions/versionApi.js';
import { openConsultation } from './consultationApi.js';

const DAY = 24 * 60 * 60 * 1000;

/** The chair opens a consultation on one of the agreed versions, for a period of calendar days. */
export function OpenConsultationForm({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { state } = useApiQuery(() => listVersions(planId), [planId]);
  const agreed = state.status === 'ready' ? state.data.filter((version) => version.kind === 'agreed') : [];
  const [versionId, setVersionId] = useState('');
  const [startsOn, setStartsOn] = useState(() => polishDate(Date.now()));
  const [endsOn, setEndsOn] = useState(() => polishDate(Date.now() + 21 * DAY));
  const [error, setError] = useState<string | null>(null);
  const [isOpening, setIsOpening] = useState(false);
  if (state.status === 'loading') return null;
  if (agreed.length === 0) return <p className="notice notice--info">{t('consultation.noAgreedVersion')}</p>;
  const chosen = versionId !== '' ? versionId : (agreed[0]?.id ?? '');

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setIsOpening(true);
    try {
      // The list follows from the server's consultationChanged event.
      await openConsultation(planId, { versionId: chosen, startsOn, endsOn });
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    } finally {
      setIsOpening(false);
    }
  };

  return (
    <form className="panel-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('consultation.openHeading')}</h3>
      <div className="form-field">
        <label htmlFor={`${id}-version`}>{t('consultation.version')}</label>
        <select id={`${id}-version`} value={chosen} onChange={(event) => setVersionId(event.target.value)}>
          {agreed.map((version) => (
            <option key={version.id} value={version.id}>{`${version.agreed?.number ?? ''}. ${version.name}`}</option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-start`}>{t('consultation.startsOn')}</label>
        <input id={`${id}-start`} type="date" required value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-end`}>{t('consultation.endsOn')}</label>
        <input id={`${id}-end`} type="date" required min={startsOn} value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
      </div>
      {error && <div className="notice notice--error" role="alert">{error}</div>}
      <button type="submit" className="button button--primary" disabled={isOpening}>
        {isOpening ? t('consultation.opening') : t('consultation.open')}
      </button>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../shared/consultations/Consultation.js';
import { formatCalendarDate } from './formatCalendarDate.js';

/** The latest consultation's status on the plan's header: scheduled, open, closed or responded, with its dates. */
export function ConsultationStatusBadge({ consultation }: { consultation: Consultation | undefined }) {
  const { t, i18n } = useTranslation();
  if (consultation === undefined) return null;
  return (
    <span className={`consultation-badge consultation-badge--${consultation.status}`} data-testid="consultation-status">
      {t('consultation.statusOnPlan', {
        status: t(`consultation.status.${consultation.status}`),
        from: formatCalendarDate(consultation.startsOn, i18n.language),
        to: formatCalendarDate(consultation.endsOn, i18n.language),
      })}
    </span>
  );
}

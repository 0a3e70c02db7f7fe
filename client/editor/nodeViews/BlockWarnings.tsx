import { useTranslation } from 'react-i18next';
import type { PlanWarning } from '../../../shared/planViews/collectPlanWarnings.js';
import { warningMessage } from '../../planViews/warningMessage.js';

/** The consistency warnings of one block, shown inside it. */
export function BlockWarnings({ warnings }: { warnings: readonly PlanWarning[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="block-warnings" aria-label={t('blocks.warnings.heading')}>
      {warnings.map((warning, index) => (
        <li key={`${warning.code}-${index}`} className="block-warnings__item" data-warning={warning.code}>
          {warningMessage(warning, t, i18n.language)}
        </li>
      ))}
    </ul>
  );
}

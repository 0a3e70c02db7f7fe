import { useTranslation } from 'react-i18next';
import type { PlanWarning } from '../../shared/planViews/collectPlanWarnings.js';
import { focusBlock } from '../editor/focusPlanElement.js';
import { warningMessage } from './warningMessage.js';
import { memo } from 'react';

/** Every consistency warning of the plan, each with a way to jump to its block. */
function WarningsViewContent({ warnings }: { warnings: readonly PlanWarning[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="plan-view" aria-labelledby="view-warnings">
      <h3 id="view-warnings">
        {t('blocks.views.warnings')} <span className="badge badge--muted">{warnings.length}</span>
      </h3>
      {warnings.length === 0 ? (
        <p className="muted">{t('blocks.views.noWarnings')}</p>
      ) : (
        <ul className="warning-list">
          {warnings.map((warning, index) => (
            <li key={`${warning.path}-${warning.code}-${index}`} className="warning-list__item" data-warning={warning.code}>
              <button type="button" className="button--link warning-list__jump" onClick={() => focusBlock(warning.blockId)} disabled={warning.blockId === ''}>
                {warning.blockId || t('blocks.common.untitled')}
              </button>{' '}
              {warningMessage(warning, t, i18n.language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The warnings are a new array on every read of the live plan; this renders again only when they differ. */
export const WarningsView = memo(WarningsViewContent, (previous, next) => JSON.stringify(previous.warnings) === JSON.stringify(next.warnings));

import { useTranslation } from 'react-i18next';
import type { Plan, TypedBlockType } from '../../shared/domain/Plan.js';
import { label } from '../../shared/domain/taxonomy.js';
import { toLanguage } from '../editor/nodeViews/fields/CodeSelect.js';
import { focusSection } from '../editor/focusPlanElement.js';
import { buildOutline } from './buildOutline.js';
import { memoByModel } from '../planViews/memoByModel.js';

const COUNTED: readonly TypedBlockType[] = ['interventionDirection', 'recommendation', 'goal', 'indicator'];

/** The plan's sections in order, live: title, status and block counts; activating one jumps there. */
function OutlineSidebarContent({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const entries = buildOutline(plan);
  return (
    <nav className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading" className="outline__heading">
        {t('blocks.outline.heading')}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('blocks.outline.empty')}</p>
      ) : (
        <ol className="outline__list">
          {entries.map((entry) => {
            const counts = COUNTED.filter((type) => entry.counts[type] > 0);
            return (
              <li key={`${entry.index}-${entry.key}`} className="outline__item" data-section-key={entry.key}>
                <button type="button" className="outline__link" onClick={() => focusSection(entry.index)}>
                  <span className="outline__title">{entry.title || t('blocks.outline.untitled')}</span>
                  <span className={`section-status section-status--${entry.status}`}>{label('sectionStatuses', entry.status, language)}</span>
                  {counts.length > 0 && (
                    <span className="outline__counts">
                      {counts.map((type) => (
                        <span key={type} className="outline__count" data-count-type={type} data-count={entry.counts[type]}>
                          {t(`blocks.outline.count.${type}`)}: {entry.counts[type]}
                        </span>
                      ))}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}

/** Renders again only when the outline changes (memoByModel). */
export const OutlineSidebar = memoByModel(OutlineSidebarContent, buildOutline);

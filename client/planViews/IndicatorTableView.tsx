import { useTranslation } from 'react-i18next';
import type { MeasuredValue, Plan } from '../../shared/domain/Plan.js';
import { label } from '../../shared/domain/taxonomy.js';
import { buildIndicatorTable } from '../../shared/planViews/buildIndicatorTable.js';
import { toLanguage } from '../editor/nodeViews/fields/CodeSelect.js';
import { memoByModel } from './memoByModel.js';

/** The monitoring table: indicator blocks, then the indicators listed inside directions. */
function IndicatorTableViewContent({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const rows = buildIndicatorTable(plan).filter((row) => row.sameAs === null);
  const measured = (value: MeasuredValue): string => (value.value === null ? '–' : `${value.value}${value.year === null ? '' : ` (${value.year})`}`);
  return (
    <section className="plan-view" aria-labelledby="view-indicators">
      <h3 id="view-indicators">{t('blocks.views.indicators')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('blocks.views.noIndicators')}</p>
      ) : (
        <div className="plan-view__scroll">
          <table className="view-table">
            <caption>{t('blocks.views.indicatorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('blocks.indicator.name')}</th>
                <th scope="col">{t('blocks.indicator.kind')}</th>
                <th scope="col">{t('blocks.indicator.unit')}</th>
                <th scope="col">{t('blocks.indicator.baseline')}</th>
                <th scope="col">{t('blocks.indicator.target')}</th>
                <th scope="col">{t('blocks.views.directions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name || row.id}</th>
                  <td>{row.kind === null ? '–' : label('indicatorKinds', row.kind, language)}</td>
                  <td>{row.unit}</td>
                  <td>{measured(row.baseline)}</td>
                  <td>{measured(row.target)}</td>
                  <td>{row.directionIds.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Renders again only when the indicator table changes (memoByModel). */
export const IndicatorTableView = memoByModel(IndicatorTableViewContent, buildIndicatorTable);

import { useTranslation } from 'react-i18next';
import type { Plan } from '../../shared/domain/Plan.js';
import { FUNDING_SOURCES, label } from '../../shared/domain/taxonomy.js';
import { computeFinancing } from '../../shared/planViews/computeFinancing.js';
import { toLanguage } from '../editor/nodeViews/fields/CodeSelect.js';
import { formatAmount } from './formatAmount.js';
import { memoByModel } from './memoByModel.js';

/** Financing totals of the directions (rejected ones left out): by source, by year, in total. */
function FinancingViewContent({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const financing = computeFinancing(plan);
  const money = (amount: number): string => formatAmount(amount, financing.currency, language);
  const sources = FUNDING_SOURCES.filter((code) => financing.bySource[code] !== undefined);
  const years = Object.keys(financing.byYear).map(Number);
  return (
    <section className="plan-view" aria-labelledby="view-financing">
      <h3 id="view-financing">{t('blocks.views.financing')}</h3>
      <p className="financing-total">
        {t('blocks.views.totalCost')}{' '}
        <strong data-financing-total={financing.totalCost}>{money(financing.totalCost)}</strong>
      </p>
      {financing.totalFunding !== financing.totalCost && (
        <p className="plan-view__note plan-view__note--warning">{t('blocks.views.fundingDiffers', { funding: money(financing.totalFunding) })}</p>
      )}
      <table className="view-table">
        <caption>{t('blocks.views.bySource')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('blocks.direction.fundingSource')}</th>
            <th scope="col" className="view-table__number">
              {t('blocks.direction.fundingAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.length === 0 && (
            <tr>
              <td colSpan={2} className="muted">
                {t('blocks.views.noFunding')}
              </td>
            </tr>
          )}
          {sources.map((code) => (
            <tr key={code} data-source={code}>
              <th scope="row">{label('fundingSources', code, language)}</th>
              <td className="view-table__number" data-amount={financing.bySource[code]}>
                {money(financing.bySource[code] ?? 0)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('blocks.views.total')}</th>
            <td className="view-table__number" data-funding-total={financing.totalFunding}>
              {money(financing.totalFunding)}
            </td>
          </tr>
        </tfoot>
      </table>
      <table className="view-table">
        <caption>{t('blocks.views.byYear')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('blocks.views.year')}</th>
            <th scope="col" className="view-table__number">
              {t('blocks.views.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              <td className="view-table__number">{money(financing.byYear[year] ?? 0)}</td>
            </tr>
          ))}
          {financing.unscheduledCost > 0 && (
            <tr>
              <th scope="row">{t('blocks.views.unscheduled')}</th>
              <td className="view-table__number">{money(financing.unscheduledCost)}</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('blocks.views.total')}</th>
            <td className="view-table__number">{money(financing.totalCost)}</td>
          </tr>
        </tfoot>
      </table>
      {financing.skippedDirectionIds.length > 0 && (
        <p className="plan-view__note">{t('blocks.views.otherCurrency', { ids: financing.skippedDirectionIds.join(', ') })}</p>
      )}
    </section>
  );
}

/** Renders again only when the financing figures change (memoByModel). */
export const FinancingView = memoByModel(FinancingViewContent, computeFinancing);

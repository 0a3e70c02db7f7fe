import { useTranslation } from 'react-i18next';
import type { Plan } from '../../shared/domain/Plan.js';
import { label } from '../../shared/domain/taxonomy.js';
import { buildTargetGroupMatrix } from '../../shared/planViews/buildTargetGroupMatrix.js';
import { toLanguage } from '../editor/nodeViews/fields/CodeSelect.js';
import { memoByModel } from './memoByModel.js';

/** Target groups (rows) × intervention directions (columns); groups no direction serves are flagged. */
function TargetGroupMatrixViewContent({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const matrix = buildTargetGroupMatrix(plan);
  return (
    <section className="plan-view" aria-labelledby="view-matrix">
      <h3 id="view-matrix">{t('blocks.views.matrix')}</h3>
      {matrix.directions.length === 0 ? (
        <p className="muted">{t('blocks.views.noDirections')}</p>
      ) : (
        <div className="plan-view__scroll">
          <table className="view-table view-table--matrix">
            <caption>{t('blocks.views.matrixCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('blocks.common.targetGroups')}</th>
                {matrix.directions.map((direction) => (
                  <th key={direction.id} scope="col" title={direction.title}>
                    {direction.id}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => {
                const isUncovered = row.directionIds.length === 0;
                return (
                  <tr key={row.targetGroup} className={isUncovered ? 'view-table__uncovered' : undefined} data-target-group={row.targetGroup}>
                    <th scope="row">
                      {label('targetGroups', row.targetGroup, language)}
                      {isUncovered && <span className="view-table__flag"> – {t('blocks.views.uncovered')}</span>}
                    </th>
                    {matrix.directions.map((direction) => {
                      const isCovered = row.directionIds.includes(direction.id);
                      return (
                        <td key={direction.id} className={isCovered ? 'view-table__mark' : undefined}>
                          {isCovered ? <span aria-label={t('blocks.views.covered')}>●</span> : <span className="visually-hidden">{t('blocks.views.notCovered')}</span>}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {matrix.uncoveredTargetGroups.length > 0 && (
        <p className="plan-view__note">{t('blocks.views.uncoveredCount', { number: String(matrix.uncoveredTargetGroups.length) })}</p>
      )}
    </section>
  );
}

/** Renders again only when the matrix changes (memoByModel). */
export const TargetGroupMatrixView = memoByModel(TargetGroupMatrixViewContent, buildTargetGroupMatrix);

import { useTranslation } from 'react-i18next';
import type { ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { RECOMMENDATION_KINDS, label } from '../../shared/domain/taxonomy.js';
import { groupRecommendations } from '../../shared/planViews/groupRecommendations.js';
import { toLanguage } from '../editor/nodeViews/fields/CodeSelect.js';
import { ProposalStatusBadge } from '../proposals/ProposalStatusBadge.js';
import { memoByModel } from './memoByModel.js';

/** Recommendations, models and guidelines by kind, each with its recorded status. */
function RecommendationsViewContent({ plan, proposals }: { plan: Plan; proposals: ReadonlyMap<string, ProposalState> }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const groups = groupRecommendations(plan);
  const total = RECOMMENDATION_KINDS.reduce((sum, kind) => sum + groups.byKind[kind].length, 0);
  return (
    <section className="plan-view" aria-labelledby="view-recommendations">
      <h3 id="view-recommendations">{t('blocks.views.recommendations')}</h3>
      {total === 0 ? (
        <p className="muted">{t('blocks.views.noRecommendations')}</p>
      ) : (
        <table className="view-table">
          <caption>{t('blocks.views.recommendationsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('blocks.common.id')}</th>
              <th scope="col">{t('blocks.common.title')}</th>
              <th scope="col">{t('blocks.views.status')}</th>
            </tr>
          </thead>
          {RECOMMENDATION_KINDS.filter((kind) => groups.byKind[kind].length > 0).map((kind) => (
            <tbody key={kind}>
              <tr>
                <th scope="rowgroup" colSpan={3} className="view-table__group">
                  {label('recommendationKinds', kind, language)} ({groups.byKind[kind].length})
                </th>
              </tr>
              {groups.byKind[kind].map((recommendation, index) => (
                <tr key={`${recommendation.id}-${index}`}>
                  <th scope="row">{recommendation.id}</th>
                  <td>{recommendation.title}</td>
                  <td>
                    <ProposalStatusBadge status={proposals.get(recommendation.id)?.status ?? 'draft'} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

/** Renders again only when the recommendations or the proposals change (memoByModel). */
export const RecommendationsView = memoByModel(RecommendationsViewContent, groupRecommendations);

import { useTranslation } from 'react-i18next';
import type { PlanComparison, SectionTextChange } from '../../shared/versions/comparePlans.js';
import { describeBlockChange } from './describeBlockChange.js';

/**
 * A comparison as people read it: text per section with insertions green and
 * underlined and deletions red and struck through (each also labelled for
 * screen readers), then every structured change in a sentence.
 */
export function ComparisonView({ comparison }: { comparison: PlanComparison }) {
  const { t, i18n } = useTranslation();
  const { textChanges, blockChanges } = comparison;
  if (textChanges.length === 0 && blockChanges.length === 0) return <p className="empty">{t('versions.noChanges')}</p>;
  return (
    <div className="comparison">
      {blockChanges.length > 0 && (
        <section className="comparison__blocks">
          <h3>{t('versions.blockChangesHeading')}</h3>
          <ul className="comparison__block-list">
            {blockChanges.map((change, index) => {
              const description = describeBlockChange(change, i18n.language, t);
              return (
                <li key={`${change.blockId}-${change.kind}-${index}`} className={`block-change block-change--${change.kind}`} data-block-id={change.blockId}>
                  <span className="block-change__summary">{description.summary}</span>
                  {description.details.length > 0 && (
                    <ul className="block-change__details">
                      {description.details.map((detail, detailIndex) => (
                        <li key={detailIndex}>{detail}</li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {textChanges.length > 0 && (
        <section className="comparison__text">
          <h3>{t('versions.textChangesHeading')}</h3>
          <p className="hint">{t('versions.legend')}</p>
          {textChanges.map((change) => (
            <SectionDiff key={change.sectionKey} change={change} />
          ))}
        </section>
      )}
    </div>
  );
}

function SectionDiff({ change }: { change: SectionTextChange }) {
  const { t } = useTranslation();
  return (
    <section className="section-diff" data-section-key={change.sectionKey}>
      <h4 className="section-diff__title">{change.sectionTitle}</h4>
      <p className="section-diff__text">
        {change.parts.map((part, index) =>
          part.added ? (
            <ins key={index} className="diff-insert">
              <span className="visually-hidden">{t('versions.inserted')}</span>
              {part.value}
            </ins>
          ) : part.removed ? (
            <del key={index} className="diff-delete">
              <span className="visually-hidden">{t('versions.removed')}</span>
              {part.value}
            </del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </p>
    </section>
  );
}

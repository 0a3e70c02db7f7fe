import { useTranslation } from 'react-i18next';
import type { PlanComparison, SectionTextChange } from '../../shared/versions/comparePlans.js';
import { describeBlockChange, type BlockChangeDetail } from './describeBlockChange.js';
import { TextDiff } from './TextDiff.js';

/**
 * A comparison as people read it: text per section with insertions green and
 * underlined and deletions red and struck through (each also labelled for
 * screen readers), then every structured change: attributes in a sentence,
 * the typed text of blocks word by word like section text.
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
                        <FieldChangeLine key={detailIndex} detail={detail} />
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

function FieldChangeLine({ detail }: { detail: BlockChangeDetail }) {
  if (detail.kind === 'value') return <li>{detail.text}</li>;
  return (
    <li className="block-change__text">
      {detail.label}
      <TextDiff parts={detail.parts} />
      {detail.note !== null && <span className="block-change__note"> {detail.note}</span>}
    </li>
  );
}

function SectionDiff({ change }: { change: SectionTextChange }) {
  return (
    <section className="section-diff" data-section-key={change.sectionKey}>
      <h4 className="section-diff__title">{change.sectionTitle}</h4>
      <p className="section-diff__text">
        <TextDiff parts={change.parts} />
      </p>
    </section>
  );
}

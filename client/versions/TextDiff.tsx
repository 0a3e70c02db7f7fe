import { useTranslation } from 'react-i18next';
import type { TextPart } from '../../shared/versions/TextPart.js';

/** Word-level changes inline: insertions green and underlined, deletions red and struck through, each labelled for screen readers. */
export function TextDiff({ parts }: { parts: TextPart[] }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part, index) =>
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
    </>
  );
}

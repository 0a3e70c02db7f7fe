import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypedBlock } from '../../shared/domain/Plan.js';
import { agreedBlockContent, parseAgreedBlockContent } from '../../shared/deliberation/agreedBlockContent.js';
import { diffBlockFields } from '../../shared/versions/diffBlockFields.js';
import { describeBlockChange } from '../versions/describeBlockChange.js';
import { TextDiff } from '../versions/TextDiff.js';

export interface ChangesSinceAgreementProps {
  /** The agreed content (canonical JSON) the decision recorded. */
  agreedContent: string;
  /** The block as it is now in the editor. */
  current: TypedBlock;
}

/** What changed in a block since it was agreed, field by field, text word by word (as the version comparison shows it). */
export function ChangesSinceAgreement({ agreedContent, current }: ChangesSinceAgreementProps) {
  const { t, i18n } = useTranslation();
  const details = useMemo(() => {
    const agreed = parseAgreedBlockContent(agreedContent);
    const now = parseAgreedBlockContent(agreedBlockContent(current));
    if (agreed === null || now === null) return [];
    const title = 'title' in current ? current.title : current.name;
    const id = 'id' in current ? current.id : '';
    const changes = diffBlockFields(current.type, agreed, now);
    return describeBlockChange({ kind: 'changed', blockId: id, blockType: current.type, title, changes }, i18n.language, t).details;
  }, [agreedContent, current, i18n.language, t]);
  if (details.length === 0) return <p className="muted">{t('blocks.proposals.noChangesSinceAgreement')}</p>;
  return (
    <ul className="proposal__changes">
      {details.map((detail, index) =>
        detail.kind === 'value' ? (
          <li key={index}>{detail.text}</li>
        ) : (
          <li key={index}>
            {detail.label}
            <TextDiff parts={detail.parts} />
            {detail.note !== null && <span className="muted"> {detail.note}</span>}
          </li>
        ),
      )}
    </ul>
  );
}

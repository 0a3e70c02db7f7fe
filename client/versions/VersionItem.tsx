import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import { formatDateTime } from '../comments/formatDateTime.js';
import { ConfirmButton } from '../workspace/ConfirmButton.js';
import { CopyTextButton } from '../workspace/CopyTextButton.js';
import { shortHash } from './shortHash.js';
import { formatCalendarDay } from './formatCalendarDay.js';

export interface VersionItemProps {
  version: PlanVersion;
  canRestore: boolean;
  onOpen: () => void;
  onCompareWithDraft: () => void;
  onExport: () => void;
  onRestore: () => Promise<void>;
}

/** One saved version: name, author, time; for an agreed one its number, decision and content hash. */
export function VersionItem({ version, canRestore, onOpen, onCompareWithDraft, onExport, onRestore }: VersionItemProps) {
  const { t, i18n } = useTranslation();
  return (
    <li className="version" data-version-id={version.id}>
      <div className="version__title">
        <span className="version__name">{version.name}</span>
        {version.agreed !== null && <span className="badge badge--agreed">{t('versions.agreedBadge', { number: String(version.agreed.number) })}</span>}
      </div>
      <div className="version__meta muted">{t('versions.byAuthor', { name: version.createdByName, time: formatDateTime(version.createdAt, i18n.language) })}</div>
      {version.note !== '' && <p className="version__note">{version.note}</p>}
      {version.agreed !== null && (
        <div className="version__agreed">
          <div>{t('versions.decision', { date: formatCalendarDay(version.agreed.decisionDate, i18n.language), reference: version.agreed.decisionReference })}</div>
          {version.remarksAnnex !== null && (
            <div data-testid="remarks-annex">{t('versions.remarksAnnex', { number: String(version.remarksAnnex.consultationNumber), count: version.remarksAnnex.remarkCount })}</div>
          )}
          <div>
            {t('versions.contentHash')}: <code title={version.contentHash}>{shortHash(version.contentHash)}</code> <CopyTextButton text={version.contentHash} />
          </div>
        </div>
      )}
      <div className="version__actions">
        <button type="button" className="button button--small" onClick={onOpen}>
          {t('versions.open')}
        </button>
        <button type="button" className="button button--small" onClick={onCompareWithDraft}>
          {t('versions.compareWithDraft')}
        </button>
        <button type="button" className="button button--small" onClick={onExport}>
          {t('versions.export')}
        </button>
        {canRestore && (
          <ConfirmButton
            label={t('versions.restore')}
            title={t('versions.restoreTitle', { name: version.name })}
            message={t('versions.restoreMessage')}
            confirmLabel={t('versions.restoreConfirm')}
            onConfirm={onRestore}
          />
        )}
      </div>
    </li>
  );
}

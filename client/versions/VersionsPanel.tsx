import { useEffect, useId, useState } from 'react';
import type { ServerChannel } from '../collaboration/ServerChannel.js';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '../../shared/workspace/roles.js';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { AgreedVersionForm } from './AgreedVersionForm.js';
import { ComparisonDialog, type ComparisonSide } from './ComparisonDialog.js';
import { SaveVersionForm } from './SaveVersionForm.js';
import { DRAFT, listVersions, restoreVersion } from './versionApi.js';
import { VersionItem } from './VersionItem.js';
import { VersionViewer } from './VersionViewer.js';

export interface VersionsPanelProps {
  planId: string;
  /** Null while the role is loading: nothing that needs a permission is offered. */
  role: Role | null;
  /** The draft can be written (not an observer, not archived); restoring needs it. */
  isEditable: boolean;
  /** Live plan events: the list reloads when anyone saves or freezes a version. */
  channel: ServerChannel;
}

type Overlay =
  | { kind: 'none' }
  | { kind: 'view'; versionId: string; name: string }
  | { kind: 'compare'; from: ComparisonSide; to: ComparisonSide }
  | { kind: 'export'; versionId: string };

/** Saved and agreed versions of the plan: save, open read-only, compare, restore, freeze, export. */
export function VersionsPanel({ planId, role, isEditable, channel }: VersionsPanelProps) {
  const { t } = useTranslation();
  const { state, reload } = useApiQuery(() => listVersions(planId), [planId]);
  useEffect(() => channel.onPlanEvent((event) => {
    if (event.type === 'versionSaved') reload();
  }), [channel, reload]);
  const [overlay, setOverlay] = useState<Overlay>({ kind: 'none' });
  // Kept as a key and a name so the notice follows a language switch.
  const [message, setMessage] = useState<{ key: 'versions.saved' | 'versions.restored'; name: string } | null>(null);
  const [compareFrom, setCompareFrom] = useState('');
  const [compareTo, setCompareTo] = useState(DRAFT);
  const fromId = useId();
  const toId = useId();
  const versions = state.status === 'ready' ? state.data : [];
  const labelOf = (id: string): string => (id === DRAFT ? t('versions.draft') : (versions.find((version) => version.id === id)?.name ?? id));
  const side = (id: string): ComparisonSide => ({ id, label: labelOf(id) });
  const effectiveFrom = compareFrom !== '' ? compareFrom : (versions[0]?.id ?? '');
  const close = (): void => setOverlay({ kind: 'none' });

  return (
    <section className="versions-panel" aria-label={t('versions.panelTitle')}>
      <h2 className="panel__title">{t('versions.panelTitle')}</h2>
      {role !== null && can(role, 'version.create') && (
        <SaveVersionForm
          planId={planId}
          onSaved={(name) => {
            setMessage({ key: 'versions.saved', name });
            reload();
          }}
        />
      )}
      {message !== null && (
        <div className="notice notice--success" role="status">
          {t(message.key, { name: message.name })}
        </div>
      )}
      <h3>{t('versions.listHeading')}</h3>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('versions.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="notice notice--error" role="alert">
          {apiErrorMessage(state.error, t)}{' '}
          <button type="button" className="button button--small" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && versions.length === 0 && <p className="empty">{t('versions.empty')}</p>}
      <ul className="version-list">
        {versions.map((version) => (
          <VersionItem
            key={version.id}
            version={version}
            canRestore={isEditable && role !== null && can(role, 'plan.edit')}
            onOpen={() => setOverlay({ kind: 'view', versionId: version.id, name: version.name })}
            onCompareWithDraft={() => setOverlay({ kind: 'compare', from: side(version.id), to: side(DRAFT) })}
            onExport={() => setOverlay({ kind: 'export', versionId: version.id })}
            onRestore={async () => {
              await restoreVersion(planId, version.id);
              setMessage({ key: 'versions.restored', name: version.name });
            }}
          />
        ))}
      </ul>
      {versions.length > 0 && (
        <form
          className="compare-picker"
          aria-label={t('versions.compareHeading')}
          onSubmit={(event) => {
            event.preventDefault();
            if (effectiveFrom !== '') setOverlay({ kind: 'compare', from: side(effectiveFrom), to: side(compareTo) });
          }}
        >
          <h3>{t('versions.compareHeading')}</h3>
          <div className="field-row">
            <div className="field">
              <label htmlFor={fromId}>{t('versions.compareFrom')}</label>
              <select id={fromId} value={effectiveFrom} onChange={(event) => setCompareFrom(event.target.value)}>
                {versions.map((version) => (
                  <option key={version.id} value={version.id}>
                    {version.name}
                  </option>
                ))}
                <option value={DRAFT}>{t('versions.draft')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={toId}>{t('versions.compareTo')}</label>
              <select id={toId} value={compareTo} onChange={(event) => setCompareTo(event.target.value)}>
                <option value={DRAFT}>{t('versions.draft')}</option>
                {versions.map((version) => (
                  <option key={version.id} value={version.id}>
                    {version.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('versions.compare')}
            </button>
          </div>
        </form>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setOverlay({ kind: 'export', versionId: DRAFT })}>
          {t('versions.export')}
        </button>
      </div>
      {role !== null && can(role, 'version.freeze') && <AgreedVersionForm planId={planId} onFrozen={reload} />}
      {overlay.kind === 'view' && <VersionViewer planId={planId} versionId={overlay.versionId} name={overlay.name} onClose={close} />}
      {overlay.kind === 'compare' && <ComparisonDialog planId={planId} from={overlay.from} to={overlay.to} onClose={close} />}
      {overlay.kind === 'export' && <ExportDialog planId={planId} versions={versions} initialVersion={overlay.versionId} onClose={close} />}
    </section>
  );
}

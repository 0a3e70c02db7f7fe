import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import { isApiError } from '../api/ApiError.js';
import { FormError } from '../forms/FormError.js';
import { ModalDialog } from '../versions/ModalDialog.js';
import { DRAFT } from '../versions/versionApi.js';
import { versionErrorMessage } from '../versions/versionErrorMessage.js';
import { downloadExport, EXPORT_FORMATS, type ExportFormat } from './downloadExport.js';

export interface ExportDialogProps {
  planId: string;
  versions: readonly PlanVersion[];
  /** Preselected version id, or DRAFT. */
  initialVersion?: string;
  onClose: () => void;
}

/** Format and version of an export, a progress notice while the server renders it, then the download. */
export function ExportDialog({ planId, versions, initialVersion = DRAFT, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const formatId = useId();
  const versionId = useId();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [version, setVersion] = useState(initialVersion);
  const [isAnnex, setIsAnnex] = useState(false);
  const [isRunning, setIsRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [doneFilename, setDoneFilename] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const selectedVersion = versions.find((entry) => entry.id === version);
  const isAgreed = selectedVersion?.kind === 'agreed';

  useEffect(() => () => abortRef.current?.abort(), []);

  const start = async (): Promise<void> => {
    const controller = new AbortController();
    abortRef.current = controller;
    setIsRunning(true);
    setError(null);
    setDoneFilename(null);
    try {
      setDoneFilename(await downloadExport({ planId, format, version, rejected: isAgreed && isAnnex ? 'annex' : 'omit' }, controller.signal));
    } catch (caught) {
      if (controller.signal.aborted) return;
      setError(isApiError(caught) && caught.status >= 500 ? t('versions.errors.exportFailed') : versionErrorMessage(caught, t));
    } finally {
      if (!controller.signal.aborted) setIsRunning(false);
    }
  };

  return (
    <ModalDialog title={t('versions.exportDialog.title')} onClose={onClose}>
      <form
        className="export-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <div className="field">
          <label htmlFor={formatId}>{t('versions.exportDialog.format')}</label>
          <select id={formatId} value={format} disabled={isRunning} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((option) => (
              <option key={option} value={option}>
                {t(`versions.exportDialog.formats.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={versionId}>{t('versions.exportDialog.version')}</label>
          <select id={versionId} value={version} disabled={isRunning} onChange={(event) => setVersion(event.target.value)}>
            <option value={DRAFT}>{t('versions.draft')}</option>
            {versions.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.agreed !== null ? `${t('versions.agreedBadge', { number: String(entry.agreed.number) })}: ${entry.name}` : entry.name}
              </option>
            ))}
          </select>
        </div>
        {isAgreed && (
          <div className="field field--checkbox">
            <label>
              <input type="checkbox" checked={isAnnex} disabled={isRunning} onChange={(event) => setIsAnnex(event.target.checked)} /> {t('versions.exportDialog.rejectedAnnex')}
            </label>
            <p className="hint">{t('versions.exportDialog.rejectedAnnexHint')}</p>
          </div>
        )}
        {isRunning && (
          <p className="export-dialog__progress" role="status">
            <span className="spinner" aria-hidden="true" /> {t('versions.exportDialog.preparing')}
          </p>
        )}
        {doneFilename !== null && (
          <p className="notice notice--success" role="status">
            {t('versions.exportDialog.done', { filename: doneFilename })}
          </p>
        )}
        <FormError message={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('versions.close')}
          </button>
          <button type="submit" className="button button--primary" disabled={isRunning}>
            {t('versions.exportDialog.start')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

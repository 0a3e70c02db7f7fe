import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/apiErrorMessage.js';
import { useApiQuery } from '../api/useApiQuery.js';
import { ComparisonView } from './ComparisonView.js';
import { ModalDialog } from './ModalDialog.js';
import { compareVersions } from './versionApi.js';

export interface ComparisonSide {
  /** A version id or DRAFT. */
  id: string;
  label: string;
}

/** Fetches and shows the comparison of two versions (or a version and the draft) in a dialog. */
export function ComparisonDialog({ planId, from, to, onClose }: { planId: string; from: ComparisonSide; to: ComparisonSide; onClose: () => void }) {
  const { t } = useTranslation();
  const { state } = useApiQuery(() => compareVersions(planId, from.id, to.id), [planId, from.id, to.id]);
  return (
    <ModalDialog title={t('versions.comparisonTitle', { from: from.label, to: to.label })} onClose={onClose} isWide>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('versions.comparing')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="notice notice--error" role="alert">
          {apiErrorMessage(state.error, t)}
        </div>
      )}
      {state.status === 'ready' && <ComparisonView comparison={state.data} />}
    </ModalDialog>
  );
}

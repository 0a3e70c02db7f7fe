import { useTranslation } from 'react-i18next';
import type { ConnectionSnapshot } from '../collaboration/PlanConnection.js';

type SaveState = 'saved' | 'saving' | 'connecting' | 'offline' | 'reconnecting' | 'closed';

/** "All changes saved" only when connected, synced and the server confirmed every local edit. */
export function saveStateOf(snapshot: ConnectionSnapshot): SaveState {
  if (snapshot.terminalClose !== null || snapshot.accessProblem !== null) return 'closed';
  if (snapshot.status === 'offline') return 'offline';
  if (snapshot.status === 'reconnecting') return 'reconnecting';
  if (snapshot.status === 'connecting' || !snapshot.isSynced) return 'connecting';
  return snapshot.hasUnsavedChanges ? 'saving' : 'saved';
}

export function SaveStatus({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const { t } = useTranslation();
  const state = saveStateOf(snapshot);
  return (
    <p className={`save-status save-status--${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="save-status__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('status.label')}: </span>
      {t(`status.${state}`)}
    </p>
  );
}

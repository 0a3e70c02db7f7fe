import { useTranslation } from 'react-i18next';
import { ClientOutdated, Forbidden, Unauthorized } from '../../shared/protocol/closeCodes.js';
import type { ConnectionSnapshot } from '../collaboration/PlanConnection.js';

/** Banners for what the user must know: read-only mode, refused writes, closed or failing connections. */
export function ConnectionNotices({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const { t } = useTranslation();
  const { terminalClose } = snapshot;
  const isAccessDenied = terminalClose !== null && (terminalClose.code === Unauthorized.code || terminalClose.code === Forbidden.code);
  const isClientOutdated = terminalClose?.code === ClientOutdated.code;
  return (
    <>
      {isClientOutdated && (
        <div className="notice notice--error" role="alert">
          {t('plan.clientOutdated')}{' '}
          <button type="button" className="button button--small" onClick={() => window.location.reload()}>
            {t('plan.reloadPage')}
          </button>
        </div>
      )}
      {terminalClose !== null && !isClientOutdated && (
        <div className="notice notice--error" role="alert">
          {isAccessDenied
            ? t('plan.accessDenied', { code: String(terminalClose.code), reason: terminalClose.reason })
            : t('plan.closedTerminal', { code: String(terminalClose.code), reason: terminalClose.reason })}
        </div>
      )}
      {snapshot.accessProblem !== null && (
        <div className="notice notice--error" role="alert">
          {t(`plan.access.${snapshot.accessProblem}`)}
        </div>
      )}
      {terminalClose === null && snapshot.isDocumentUnavailable && (
        <div className="notice notice--error" role="alert">
          {t('plan.loadFailed')} {t('plan.retrying')}
        </div>
      )}
      {snapshot.accessMode === 'read-only' && (
        <div className="notice notice--info" role="status">
          {t('plan.readOnly')}
        </div>
      )}
      {snapshot.lastRefusal !== null && (
        <div className="notice notice--warning" role="alert">
          {t('plan.writeRefused', { reason: snapshot.lastRefusal })}
        </div>
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import {
  ClientOutdated,
  DocumentTooLarge,
  Forbidden,
  TooManyConnections,
  Unauthorized,
  UpdateTooLarge,
} from '../../shared/protocol/closeCodes.js';
import type { ConnectionSnapshot } from '../collaboration/PlanConnection.js';

/** Limits the server enforces (issue 12), each with a message that says what to do. */
const LIMIT_MESSAGES = new Map<number, 'plan.documentTooLarge' | 'plan.updateTooLarge' | 'plan.tooManyConnections'>([
  [DocumentTooLarge.code, 'plan.documentTooLarge'],
  [UpdateTooLarge.code, 'plan.updateTooLarge'],
  [TooManyConnections.code, 'plan.tooManyConnections'],
]);

/** Banners for what the user must know: read-only mode, refused writes, closed or failing connections. */
export function ConnectionNotices({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const { t } = useTranslation();
  const { terminalClose } = snapshot;
  const isAccessDenied = terminalClose !== null && (terminalClose.code === Unauthorized.code || terminalClose.code === Forbidden.code);
  const isClientOutdated = terminalClose?.code === ClientOutdated.code;
  const limitMessage = terminalClose === null ? null : LIMIT_MESSAGES.get(terminalClose.code);
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
            : limitMessage !== undefined && limitMessage !== null
              ? t(limitMessage)
              : t('plan.closedTerminal', { code: String(terminalClose.code), reason: terminalClose.reason })}
        </div>
      )}
      {snapshot.accessProblem !== null && (
        <div className="notice notice--error" role="alert">
          {t(`plan.access.${snapshot.accessProblem}`)}
        </div>
      )}
      {snapshot.documentSize !== null && terminalClose === null && (
        <div className="notice notice--warning" role="status" data-testid="document-size-warning">
          {t('plan.documentNearLimit', {
            percent: String(Math.min(100, Math.round((snapshot.documentSize.bytes / snapshot.documentSize.maxBytes) * 100))),
            megabytes: (snapshot.documentSize.maxBytes / (1024 * 1024)).toFixed(0),
          })}
        </div>
      )}
      {!snapshot.canServerStore && (
        <div className="notice notice--error" role="alert" data-testid="storage-unavailable">
          {t('plan.storageUnavailable')}
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
      {snapshot.accessMode === 'suggest-only' && (
        <div className="notice notice--info" role="status" data-testid="suggest-only-notice">
          {t('suggestions.suggestOnlyNotice')}
        </div>
      )}
      {snapshot.lastRefusal !== null && (
        <div className="notice notice--warning" role="alert">
          {snapshot.lastRefusal === 'read-only'
            ? t('plan.writeRefusedReadOnly')
            : snapshot.lastRefusal === 'suggestions-only'
              ? t('plan.writeRefusedSuggestionsOnly')
              : t('plan.writeRefused', { reason: snapshot.lastRefusal })}
        </div>
      )}
    </>
  );
}

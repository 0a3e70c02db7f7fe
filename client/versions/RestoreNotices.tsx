import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanConnection } from '../collaboration/PlanConnection.js';

interface Notice {
  key: number;
  versionName: string;
  restoredByName: string;
  isOwn: boolean;
}

const NOTICE_LIFETIME_MS = 20_000;

/** Tells everyone on the plan, as it happens, that the text was replaced by a saved version, and by whom. */
export function RestoreNotices({ connection, userId }: { connection: PlanConnection; userId: string }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let nextKey = 1;
    return connection.channel.onPlanEvent((event) => {
      if (event.type !== 'versionRestored') return;
      const notice = { key: nextKey++, versionName: event.version.name, restoredByName: event.restoredBy.name, isOwn: event.restoredBy.id === userId };
      setNotices((current) => [...current, notice]);
      setTimeout(() => setNotices((current) => current.filter((entry) => entry.key !== notice.key)), NOTICE_LIFETIME_MS);
    });
  }, [connection, userId]);

  const dismiss = (key: number): void => setNotices((current) => current.filter((entry) => entry.key !== key));
  return (
    <div className="toasts" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.key} className="toast toast--restore" data-restored-version={notice.versionName}>
          <span>
            {notice.isOwn
              ? t('versions.restored', { name: notice.versionName })
              : t('versions.restoredBy', { name: notice.restoredByName, version: notice.versionName })}
          </span>
          <button type="button" className="button button--small button--link" aria-label={t('versions.dismissNotice')} onClick={() => dismiss(notice.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

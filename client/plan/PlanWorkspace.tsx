import { useTranslation } from 'react-i18next';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { useConnectionStatus } from '../collaboration/useConnectionStatus.js';
import { usePlanConnection } from '../collaboration/usePlanConnection.js';
import { PlanEditor } from '../editor/PlanEditor.js';
import { ConnectionNotices } from './ConnectionNotices.js';
import { CopyLinkButton } from './CopyLinkButton.js';
import { PresenceList } from './PresenceList.js';
import { SaveStatus } from './SaveStatus.js';

export interface PlanWorkspaceProps {
  planId: string;
  title: string;
  user: { id: string; name: string };
}

export function PlanWorkspace({ planId, title, user }: PlanWorkspaceProps) {
  const connection = usePlanConnection(planId, user);
  if (connection === null) return null;
  return <ConnectedWorkspace connection={connection} planId={planId} title={title} user={user} />;
}

function ConnectedWorkspace({ connection, title, user }: { connection: PlanConnection } & PlanWorkspaceProps) {
  const { t } = useTranslation();
  const snapshot = useConnectionStatus(connection);
  const isEditable = snapshot.accessMode === 'read-write' && snapshot.terminalClose === null && snapshot.accessProblem === null;
  return (
    <div className="workspace">
      <div className="workspace__header">
        <h1 className="workspace__title">{title}</h1>
        <CopyLinkButton />
        <SaveStatus snapshot={snapshot} />
      </div>
      <ConnectionNotices snapshot={snapshot} />
      <div className="workspace__body">
        <div className="workspace__document">
          {snapshot.hasSyncedOnce ? (
            <PlanEditor connection={connection} userName={user.name} isEditable={isEditable} />
          ) : (
            // Never show an editable empty document before the real one has arrived.
            snapshot.terminalClose === null &&
            snapshot.accessProblem === null && (
              <p className="loading" role="status">
                {t('plan.loading')}
              </p>
            )
          )}
        </div>
        {snapshot.accessProblem === null && snapshot.terminalClose === null && (
          <aside className="workspace__aside">
            <PresenceList connection={connection} />
          </aside>
        )}
      </div>
    </div>
  );
}

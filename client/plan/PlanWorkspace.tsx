import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectPlanWarnings, type PlanWarning } from '../../shared/planViews/collectPlanWarnings.js';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { usePlanConnection } from '../collaboration/usePlanConnection.js';
import { CommentsPanel } from '../comments/CommentsPanel.js';
import { MentionToasts } from '../comments/MentionToasts.js';
import { RestoreNotices } from '../versions/RestoreNotices.js';
import { useCommentStore } from '../comments/useCommentStore.js';
import { VersionsPanel } from '../versions/VersionsPanel.js';
import { ConsultationPanel } from '../consultation/ConsultationPanel.js';
import { ConsultationStatusBadge } from '../consultation/ConsultationStatusBadge.js';
import { useConsultations } from '../consultation/useConsultations.js';
import { PlanEditor } from '../editor/PlanEditor.js';
import { SuggestionsPanel } from '../editor/suggestions/SuggestionsPanel.js';
import type { Editor } from '@tiptap/react';
import { directionOptions, goalOptions } from '../editor/nodeViews/blockOptions.js';
import { BlockViewContext, BlockViewStore, type BlockViewState, type TeamMemberOption } from '../editor/nodeViews/BlockViewContext.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { OutlineSidebar } from '../outline/OutlineSidebar.js';
import { PlanViewsPanel } from '../planViews/PlanViewsPanel.js';
import { useLivePlan } from '../planViews/useLivePlan.js';
import { withRecordedStatuses } from '../planViews/withRecordedStatuses.js';
import { ProposalContext, type ProposalContextValue } from '../proposals/ProposalContext.js';
import { useProposals } from '../proposals/useProposals.js';
import { ConnectionNotices } from './ConnectionNotices.js';
import { CopyTextButton } from '../workspace/CopyTextButton.js';
import { PresenceList } from './PresenceList.js';
import { SaveStatus } from './SaveStatus.js';
import { SidePanel, type SidePanelTab } from './SidePanel.js';
import { useTeamMembers } from './useTeamMembers.js';
import { useWorkspaceSnapshot } from './useWorkspaceSnapshot.js';
import type { Role } from '../../shared/workspace/roles.js';
import '../editor/planEditor.css';

export interface PlanWorkspaceProps {
  planId: string;
  title: string;
  user: { id: string; name: string };
  workspaceId: string;
  /** Our role on the plan's team: what proposal and version actions to offer. */
  role: Role;
  /** The server re-checked our access (role changed, plan archived): the page reloads the plan record. */
  onAccessChanged?: () => void;
}

export function PlanWorkspace(props: PlanWorkspaceProps) {
  const connection = usePlanConnection(props.planId, props.user);
  if (connection === null) return null;
  return <ConnectedWorkspace connection={connection} {...props} />;
}

/** Layout: outline | editor | side panel (tabs; others add theirs to `tabs`). */
function ConnectedWorkspace({ connection, planId, title, user, workspaceId, role, onAccessChanged }: { connection: PlanConnection } & PlanWorkspaceProps) {
  const { t } = useTranslation();
  const snapshot = useWorkspaceSnapshot(connection);
  const isEditable = snapshot.accessMode === 'read-write' && snapshot.terminalClose === null && snapshot.accessProblem === null;
  // A suggest-only member types into the editor too, always suggesting; block controls stay read-only.
  const isSuggestOnly = snapshot.accessMode === 'suggest-only' && snapshot.terminalClose === null && snapshot.accessProblem === null;
  const [editor, setEditor] = useState<Editor | null>(null);
  const livePlan = useLivePlan(connection.doc);
  const members = useTeamMembers(workspaceId);
  useEffect(
    () =>
      connection.channel.onPlanEvent((event) => {
        if (event.type === 'accessChanged') onAccessChanged?.();
      }),
    [connection.channel, onAccessChanged],
  );
  const proposals = useProposals(planId, connection.channel);
  const consultations = useConsultations(planId, connection.channel);
  const commentStore = useCommentStore(planId, connection);
  // Views and warnings use the decision register's statuses, never the blocks' own attribute.
  const plan = useMemo(() => withRecordedStatuses(livePlan, proposals.snapshot.byBlockId), [livePlan, proposals.snapshot.byBlockId]);
  const warnings = useMemo(() => collectPlanWarnings(plan), [plan]);
  // A store, not a context value: node views re-render only for the slices that changed (see BlockViewStore).
  const [blockViewStore] = useState(() => new BlockViewStore(blockViewState(isEditable, plan, warnings, members)));
  useLayoutEffect(() => blockViewStore.update(blockViewState(isEditable, plan, warnings, members)), [blockViewStore, isEditable, plan, warnings, members]);
  const proposalContext = useMemo<ProposalContextValue>(
    () => ({ planId, userId: user.id, role, store: proposals.store, snapshot: proposals.snapshot }),
    [planId, user.id, role, proposals.store, proposals.snapshot],
  );
  const isAvailable = snapshot.accessProblem === null && snapshot.terminalClose === null;

  // The connection snapshot (save state) changes on every key; these elements only when their inputs do, so React skips them.
  const viewsPanel = useMemo(() => <PlanViewsPanel plan={plan} proposals={proposals.snapshot.byBlockId} warnings={warnings} />, [plan, proposals.snapshot.byBlockId, warnings]);
  const outline = useMemo(() => <OutlineSidebar plan={plan} />, [plan]);
  const editorPane = useMemo(
    () => (
      <ProposalContext.Provider value={proposalContext}>
        <BlockViewContext.Provider value={blockViewStore}>
          <PlanEditor
            connection={connection}
            userName={user.name}
            userId={user.id}
            isEditable={isEditable || isSuggestOnly}
            isSuggestOnly={isSuggestOnly}
            commentStore={commentStore}
            onEditor={setEditor}
          />
        </BlockViewContext.Provider>
      </ProposalContext.Provider>
    ),
    [proposalContext, blockViewStore, connection, user.name, user.id, isEditable, isSuggestOnly, commentStore],
  );

  const tabs: SidePanelTab[] = [
    { id: 'views', label: t('blocks.panel.views'), content: viewsPanel },
    ...(commentStore === null ? [] : [{ id: 'comments', label: t('comments.panelTitle'), content: <CommentsPanel planId={planId} store={commentStore} userId={user.id} members={members} /> }]),
    { id: 'suggestions', label: t('suggestions.panelTitle'), content: <SuggestionsPanel editor={editor} userId={user.id} canResolve={isEditable} /> },
    { id: 'versions', label: t('versions.panelTitle'), content: <VersionsPanel planId={planId} role={role} isEditable={isEditable} channel={connection.channel} /> },
    { id: 'consultation', label: t('consultation.panelTitle'), content: <ConsultationPanel planId={planId} role={role} channel={connection.channel} consultations={consultations} /> },
  ];

  return (
    <div className="workspace workspace--plan">
      <div className="workspace__header">
        <h1 className="workspace__title">{title}</h1>
        {/* The plan address is how people invite each other until sharing exists. */}
        <CopyTextButton text={() => location.href} label={t('plan.copyLink')} copiedLabel={t('plan.linkCopied')} />
        <ConsultationStatusBadge consultation={consultations.status === 'ready' ? consultations.data[0] : undefined} />
        <SaveStatus connection={connection} />
      </div>
      <ConnectionNotices snapshot={snapshot} />
      <div className="workspace__columns">
        {snapshot.hasSyncedOnce && isAvailable && (
          <aside className="workspace__outline">
            {outline}
          </aside>
        )}
        <div className="workspace__document">
          {snapshot.hasSyncedOnce ? (
            editorPane
          ) : (
            // Never show an editable empty document before the real one has arrived.
            isAvailable && (
              <p className="loading" role="status">
                {t('plan.loading')}
              </p>
            )
          )}
        </div>
        {isAvailable && (
          <aside className="workspace__aside">
            <PresenceList connection={connection} />
            <SidePanel tabs={tabs} label={t('blocks.panel.label')} />
            {commentStore !== null && <MentionToasts connection={connection} store={commentStore} userId={user.id} />}
            <RestoreNotices connection={connection} userId={user.id} />
          </aside>
        )}
      </div>
    </div>
  );
}

function blockViewState(isEditable: boolean, plan: Plan, warnings: readonly PlanWarning[], members: readonly TeamMemberOption[]): BlockViewState {
  return { isEditable, goalOptions: goalOptions(plan), directionOptions: directionOptions(plan), warningsByBlockId: groupByBlock(warnings), members };
}

function groupByBlock(warnings: readonly PlanWarning[]): Map<string, PlanWarning[]> {
  const byBlock = new Map<string, PlanWarning[]>();
  for (const warning of warnings) byBlock.set(warning.blockId, [...(byBlock.get(warning.blockId) ?? []), warning]);
  return byBlock;
}

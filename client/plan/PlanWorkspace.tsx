import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { SUGGESTIONS_TAB_ID } from '../editor/suggestions/suggestionsTabId.js';
import type { Editor } from '@tiptap/react';
import { BlockViewContext, BlockViewStore } from '../editor/nodeViews/BlockViewContext.js';
import { useLivePlanStore } from '../planViews/useLivePlan.js';
import { ProposalContext, type ProposalContextValue } from '../proposals/ProposalContext.js';
import { useProposals } from '../proposals/useProposals.js';
import { ConnectionNotices } from './ConnectionNotices.js';
import { BlockViewFeeder, blockViewState, LiveOutline, LivePlanViews } from './LivePlanParts.js';
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
  const livePlanStore = useLivePlanStore(connection.doc);
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
  // A store, not a context value: node views re-render only for the slices that changed (see BlockViewStore).
  const [blockViewStore] = useState(() => new BlockViewStore(blockViewState(isEditable, livePlanStore.getPlan(), [], members)));
  const proposalContext = useMemo<ProposalContextValue>(
    () => ({ planId, userId: user.id, role, store: proposals.store, snapshot: proposals.snapshot }),
    [planId, user.id, role, proposals.store, proposals.snapshot],
  );
  const isAvailable = snapshot.accessProblem === null && snapshot.terminalClose === null;

  // The connection snapshot (save state) changes on every key; these elements only when their inputs do, so React skips them.
  // They follow the live plan themselves (LivePlanParts): its reads do not render this component.
  const viewsPanel = useMemo(() => <LivePlanViews store={livePlanStore} proposals={proposals.snapshot.byBlockId} />, [livePlanStore, proposals.snapshot.byBlockId]);
  const outline = useMemo(() => <LiveOutline store={livePlanStore} proposals={proposals.snapshot.byBlockId} />, [livePlanStore, proposals.snapshot.byBlockId]);
  const editorPane = useMemo(
    () => (
      <ProposalContext.Provider value={proposalContext}>
        <BlockViewContext.Provider value={blockViewStore}>
          <BlockViewFeeder store={livePlanStore} proposals={proposals.snapshot.byBlockId} blockViewStore={blockViewStore} isEditable={isEditable} members={members} />
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
    [proposalContext, blockViewStore, livePlanStore, proposals.snapshot.byBlockId, members, connection, user.name, user.id, isEditable, isSuggestOnly, commentStore],
  );

  // Also kept while only the live plan changed, so the open tab does not render again for nothing.
  const commentsPanel = useMemo(
    () => (commentStore === null ? null : <CommentsPanel planId={planId} store={commentStore} userId={user.id} members={members} />),
    [planId, commentStore, user.id, members],
  );
  const suggestionsPanel = useMemo(
    () => <SuggestionsPanel editor={editor} planId={planId} userId={user.id} canResolve={isEditable} commentStore={commentStore} members={members} />,
    [editor, planId, user.id, isEditable, commentStore, members],
  );
  const versionsPanel = useMemo(
    () => <VersionsPanel planId={planId} role={role} isEditable={isEditable} channel={connection.channel} />,
    [planId, role, isEditable, connection.channel],
  );
  const remarkDiscussion = useMemo(() => (commentStore === null ? null : { store: commentStore, userId: user.id, members }), [commentStore, user.id, members]);
  const consultationPanel = useMemo(
    () => <ConsultationPanel planId={planId} role={role} channel={connection.channel} consultations={consultations} discussion={remarkDiscussion} />,
    [planId, role, connection.channel, consultations, remarkDiscussion],
  );
  const tabs: SidePanelTab[] = [
    { id: 'views', label: t('blocks.panel.views'), content: viewsPanel },
    ...(commentsPanel === null ? [] : [{ id: 'comments', label: t('comments.panelTitle'), content: commentsPanel }]),
    { id: SUGGESTIONS_TAB_ID, label: t('suggestions.panelTitle'), content: suggestionsPanel },
    { id: 'versions', label: t('versions.panelTitle'), content: versionsPanel },
    { id: 'consultation', label: t('consultation.panelTitle'), content: consultationPanel },
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

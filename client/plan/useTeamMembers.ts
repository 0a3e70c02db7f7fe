import { useEffect, useState } from 'react';
import { fetchWorkspace } from '../api/workspaceApi.js';
import type { TeamMemberOption } from '../editor/nodeViews/BlockViewContext.js';
import { contentAccessFor } from '../../shared/workspace/contentAccess.js';

/** The plan's team: whom a section can be assigned to and who can be mentioned. Empty until loaded. */
export function useTeamMembers(workspaceId: string): readonly TeamMemberOption[] {
  const [members, setMembers] = useState<readonly TeamMemberOption[]>([]);
  useEffect(() => {
    let isCurrent = true;
    fetchWorkspace(workspaceId).then(
      (details) => {
        if (!isCurrent) return;
        const { workspace } = details;
        const settings = { advisorsSuggestOnly: 'advisorsSuggestOnly' in workspace && workspace.advisorsSuggestOnly === true };
        setMembers(
          details.members.map((member) => ({ userId: member.userId, name: member.name, canEdit: contentAccessFor(member.role, settings) === 'edit' })),
        );
      },
      // Without the list nobody is offered for assignment or mentions; typing a name still works.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [workspaceId]);
  return members;
}

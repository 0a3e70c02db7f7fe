import { useEffect, useState } from 'react';
import type { Role } from '../../shared/workspace/roles.js';
import { fetchPlan } from '../api/planApi.js';
import { fetchWorkspace } from '../api/workspaceApi.js';
import type { TeamMemberOption } from '../editor/nodeViews/BlockViewContext.js';
import type { ServerChannel } from '../collaboration/ServerChannel.js';

export interface PlanTeam {
  /** The user's role in the plan's workspace; null until known. */
  role: Role | null;
  members: TeamMemberOption[];
}

/**
 * Our role (what proposal actions to offer) and the team (whom a section can
 * be assigned to). The role follows changes the server announces on `channel`.
 */
export function usePlanTeam(planId: string, channel: ServerChannel): PlanTeam {
  const [team, setTeam] = useState<PlanTeam>({ role: null, members: [] });
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      try {
        const { plan, role } = await fetchPlan(planId);
        if (!isCurrent) return;
        setTeam({ role, members: [] });
        const { members } = await fetchWorkspace(plan.workspaceId);
        if (isCurrent) setTeam({ role, members: members.map((member) => ({ userId: member.userId, name: member.name })) });
      } catch {
        // Without the record no proposal actions are offered; the server refuses them anyway.
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [planId]);
  useEffect(
    () =>
      channel.onPlanEvent((event) => {
        if (event.type === 'accessChanged') setTeam((current) => ({ ...current, role: event.role }));
      }),
    [channel],
  );
  return team;
}

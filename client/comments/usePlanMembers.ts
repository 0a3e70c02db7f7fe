import { useEffect, useState } from 'react';
import { fetchPlan } from '../api/planApi.js';
import { fetchWorkspace, type Member } from '../api/workspaceApi.js';

/** The team of the plan's workspace, for @mentions; empty until loaded (or if it cannot be). */
export function usePlanMembers(planId: string): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    let isCurrent = true;
    fetchPlan(planId)
      .then(({ plan }) => fetchWorkspace(plan.workspaceId))
      .then(
        (details) => isCurrent && setMembers(details.members),
        // Mentions are a convenience: without the list, comments still work.
        () => undefined,
      );
    return () => {
      isCurrent = false;
    };
  }, [planId]);
  return members;
}

export type PlanAccessProblem = 'loginRequired' | 'forbidden' | 'notFound';

/**
 * Why the collaboration socket was refused, if the reason is one a retry cannot fix.
 * Browsers hide the HTTP status of a refused WebSocket upgrade (the close code is
 * always 1006), so the client asks the plan's API resource, which applies the same rules.
 */
export async function probePlanAccess(planId: string): Promise<PlanAccessProblem | null> {
  try {
    const response = await fetch(`/api/plans/${encodeURIComponent(planId)}`, { credentials: 'same-origin' });
    if (response.status === 401) return 'loginRequired';
    if (response.status === 403) return 'forbidden';
    if (response.status === 404) return 'notFound';
    return null;
  } catch {
    // No answer at all: the server or the network is down, which reconnecting can fix.
    return null;
  }
}

import type { ApiClient } from './apiClient.js';
import type { OpenProposal } from '../../shared/versions/PlanVersion.js';

/** Takes every open proposal of a plan through to a decision (agreed, or rejected for the ids given), so it can be frozen. */
export async function agreeEveryProposal(chair: ApiClient, planId: string, options: { reject?: string[] } = {}): Promise<void> {
  const open = await chair.request<{ open: OpenProposal[] }>('GET', `/plans/${planId}/agreement`);
  if (open.status !== 200) throw new Error(`agreement check failed: ${open.status}`);
  const transition = (blockId: string, body: Record<string, unknown>) => chair.request('POST', `/plans/${planId}/proposals/${blockId}/transitions`, body);
  for (const proposal of open.body.open) {
    if (proposal.status === 'draft' || proposal.status === 'withdrawn') await transition(proposal.blockId, { to: 'proposed' });
    const to = options.reject?.includes(proposal.blockId) ? 'rejected' : 'agreed';
    const decided = await transition(proposal.blockId, { to, note: `protokół nr 4, ${proposal.blockId}`, method: 'consensus' });
    if (decided.status !== 200) throw new Error(`deciding ${proposal.blockId} failed: ${decided.status} ${JSON.stringify(decided.body)}`);
  }
}

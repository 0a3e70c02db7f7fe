import type { Role } from '../../shared/workspace/roles.js';
import { contentAccessFor } from '../../shared/workspace/contentAccess.js';
import type { AccessMode } from '../../shared/protocol/accessMode.js';
import { notFound } from '../errors.js';
import type { User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import type { WorkspaceService } from '../workspace/WorkspaceService.js';

export interface PlanRole {
  role: Role;
  accessMode: AccessMode;
}

/** A member's role on a plan and what that lets them do over WebSocket: the one rule for upgrades and re-checks. */
export class PlanRoles {
  constructor(private readonly options: { workspaces: WorkspaceService; plans: PlanService }) {}

  /** Throws notFound for a plan that does not exist or is not the user's (one answer for both). */
  async of(user: User, planId: string): Promise<PlanRole> {
    const plan = await this.options.plans.find(planId);
    if (plan === null) throw notFound('Plan not found');
    const role = await this.options.workspaces.roleOf(plan.workspaceId, user.id);
    if (role === null) throw notFound('Plan not found');
    const workspace = await this.options.workspaces.get(plan.workspaceId);
    const access = contentAccessFor(role, { advisorsSuggestOnly: workspace?.advisorsSuggestOnly ?? false });
    const accessMode: AccessMode =
      plan.status !== 'active' ? 'read-only' : access === 'edit' ? 'read-write' : access === 'suggest' ? 'suggest-only' : 'read-only';
    return { role, accessMode };
  }
}

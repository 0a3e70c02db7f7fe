import type { PlanInput } from '../../shared/plans/PlanInput.js';
import type { PlanPatch } from '../../shared/plans/PlanPatch.js';
import type { PlanRecord } from '../../shared/plans/PlanRecord.js';
import type { Role } from '../../shared/workspace/roles.js';
import { apiRequest } from './apiRequest.js';

export async function listPlans(workspaceId: string): Promise<PlanRecord[]> {
  return (await apiRequest<{ plans: PlanRecord[] }>('GET', `/workspaces/${encodeURIComponent(workspaceId)}/plans`)).plans;
}

export async function createPlan(workspaceId: string, input: PlanInput): Promise<PlanRecord> {
  return (await apiRequest<{ plan: PlanRecord }>('POST', `/workspaces/${encodeURIComponent(workspaceId)}/plans`, input)).plan;
}

/** The plan record and the user's role in its workspace. */
export async function fetchPlan(planId: string): Promise<{ plan: PlanRecord; role: Role }> {
  return apiRequest('GET', `/plans/${encodeURIComponent(planId)}`);
}

export async function updatePlan(planId: string, patch: PlanPatch): Promise<PlanRecord> {
  return (await apiRequest<{ plan: PlanRecord }>('PATCH', `/plans/${encodeURIComponent(planId)}`, patch)).plan;
}

/** Creates a plan from a plan file (the JSON interchange format); the server validates it completely first. */
export async function importPlanFile(workspaceId: string, file: unknown): Promise<PlanRecord> {
  return (await apiRequest<{ plan: PlanRecord }>('POST', `/workspaces/${encodeURIComponent(workspaceId)}/plans/import`, file)).plan;
}

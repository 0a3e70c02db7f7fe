import type { Plan } from '../../shared/domain/Plan.js';
import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import type { ProposalStatus } from '../../shared/deliberation/ProposalState.js';
import type { PlanComparison } from '../../shared/versions/comparePlans.js';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';
import { apiRequest } from '../api/apiRequest.js';

/** What compare and export call the live document instead of a version id. */
export const DRAFT = 'draft';

export interface VersionContent {
  version: PlanVersion;
  plan: Plan;
  statuses: Record<string, ProposalStatus>;
  /** ProseMirror JSON of the plan schema, for the read-only view. */
  content: ProseMirrorNodeJson;
}

const plan = (planId: string): string => `/plans/${encodeURIComponent(planId)}`;

export async function listVersions(planId: string): Promise<PlanVersion[]> {
  return (await apiRequest<{ versions: PlanVersion[] }>('GET', `${plan(planId)}/versions`)).versions;
}

export async function createVersion(planId: string, input: { name: string; note: string }): Promise<PlanVersion> {
  return (await apiRequest<{ version: PlanVersion }>('POST', `${plan(planId)}/versions`, input)).version;
}

export async function fetchVersion(planId: string, versionId: string): Promise<VersionContent> {
  return apiRequest('GET', `${plan(planId)}/versions/${encodeURIComponent(versionId)}`);
}

export async function restoreVersion(planId: string, versionId: string): Promise<void> {
  await apiRequest<void>('POST', `${plan(planId)}/versions/${encodeURIComponent(versionId)}/restore`);
}

export async function compareVersions(planId: string, from: string, to: string): Promise<PlanComparison> {
  const query = new URLSearchParams({ from, to });
  return (await apiRequest<{ comparison: PlanComparison }>('GET', `${plan(planId)}/compare?${query.toString()}`)).comparison;
}

export async function fetchOpenProposals(planId: string): Promise<OpenProposal[]> {
  return (await apiRequest<{ open: OpenProposal[] }>('GET', `${plan(planId)}/agreement`)).open;
}

export async function freezeAgreedVersion(planId: string, input: { name?: string; decisionDate: string; decisionReference: string; annexRemarksOf?: string }): Promise<PlanVersion> {
  return (await apiRequest<{ version: PlanVersion }>('POST', `${plan(planId)}/agreed-versions`, input)).version;
}

import type { Member } from '../../shared/workspace/Member.js';
import type { Role } from '../../shared/workspace/roles.js';
import type { WorkspaceWithRole } from '../../shared/workspace/Workspace.js';
import { apiRequest } from './apiRequest.js';

const workspacePath = (workspaceId: string): string => `/workspaces/${encodeURIComponent(workspaceId)}`;

export async function listWorkspaces(): Promise<WorkspaceWithRole[]> {
  return (await apiRequest<{ workspaces: WorkspaceWithRole[] }>('GET', '/workspaces')).workspaces;
}

export async function createWorkspace(input: { name: string; description?: string }): Promise<WorkspaceWithRole> {
  return (await apiRequest<{ workspace: WorkspaceWithRole }>('POST', '/workspaces', input)).workspace;
}

export async function fetchWorkspace(workspaceId: string): Promise<{ workspace: WorkspaceWithRole; members: Member[] }> {
  return apiRequest('GET', workspacePath(workspaceId));
}

export async function changeMemberRole(workspaceId: string, userId: string, role: Role): Promise<Member> {
  const path = `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`;
  return (await apiRequest<{ member: Member }>('PATCH', path, { role })).member;
}

/** The chair removes someone, or a member removes themself (leaves). */
export async function removeMember(workspaceId: string, userId: string): Promise<void> {
  await apiRequest<void>('DELETE', `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`);
}

export async function updateWorkspace(workspaceId: string, changes: { name?: string; description?: string; advisorsSuggestOnly?: boolean }): Promise<WorkspaceWithRole> {
  return (await apiRequest<{ workspace: WorkspaceWithRole }>('PATCH', `/workspaces/${encodeURIComponent(workspaceId)}`, changes)).workspace;
}

import type { Role } from '../../shared/workspace/roles.js';
import { apiRequest } from './apiRequest.js';

export interface Workspace {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  /** The current user's role in it. */
  role: Role;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: number;
}

const workspacePath = (workspaceId: string): string => `/workspaces/${encodeURIComponent(workspaceId)}`;

export async function listWorkspaces(): Promise<Workspace[]> {
  return (await apiRequest<{ workspaces: Workspace[] }>('GET', '/workspaces')).workspaces;
}

export async function createWorkspace(input: { name: string; description?: string }): Promise<Workspace> {
  return (await apiRequest<{ workspace: Workspace }>('POST', '/workspaces', input)).workspace;
}

export async function fetchWorkspace(workspaceId: string): Promise<{ workspace: Workspace; members: Member[] }> {
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

export async function updateWorkspace(workspaceId: string, changes: { name?: string; description?: string }): Promise<Workspace> {
  return (await apiRequest<{ workspace: Workspace }>('PATCH', `/workspaces/${encodeURIComponent(workspaceId)}`, changes)).workspace;
}

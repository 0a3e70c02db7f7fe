import type { Invitation } from '../../shared/workspace/Invitation.js';
import type { InvitationPreview } from '../../shared/workspace/InvitationPreview.js';
import type { Role } from '../../shared/workspace/roles.js';
import { apiRequest } from './apiRequest.js';

export interface InvitationInput {
  role: Role;
  email?: string;
  expiresInDays?: number;
}

const invitationsPath = (workspaceId: string): string => `/workspaces/${encodeURIComponent(workspaceId)}/invitations`;

export async function createInvitation(
  workspaceId: string,
  input: InvitationInput,
): Promise<{ token: string; url: string; invitation: Invitation }> {
  return apiRequest('POST', invitationsPath(workspaceId), input);
}

export async function listInvitations(workspaceId: string): Promise<Invitation[]> {
  return (await apiRequest<{ invitations: Invitation[] }>('GET', invitationsPath(workspaceId))).invitations;
}

export async function revokeInvitation(workspaceId: string, invitationId: string): Promise<void> {
  await apiRequest<void>('DELETE', `${invitationsPath(workspaceId)}/${encodeURIComponent(invitationId)}`);
}

export async function previewInvitation(token: string): Promise<InvitationPreview> {
  return (await apiRequest<{ invitation: InvitationPreview }>('GET', `/invitations/${encodeURIComponent(token)}`)).invitation;
}

export async function acceptInvitation(token: string): Promise<{ workspaceId: string; role: Role }> {
  return apiRequest('POST', `/invitations/${encodeURIComponent(token)}/accept`);
}

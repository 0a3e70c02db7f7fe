import type { Role } from './roles.js';

export type InvitationState = 'open' | 'expired' | 'used' | 'revoked';

/** What the holder of an invitation link sees before accepting it. */
export interface InvitationPreview {
  workspaceId: string;
  workspaceName: string;
  role: Role;
  email: string | null;
  expiresAt: number;
  state: InvitationState;
}

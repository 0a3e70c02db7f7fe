import type { Role } from './roles.js';

/** An invitation to a workspace; its token is not part of it (the server keeps only a hash and shows the token once, on creation). */
export interface Invitation {
  id: string;
  role: Role;
  email: string | null;
  createdAt: number;
  expiresAt: number;
  acceptedBy: string | null;
}

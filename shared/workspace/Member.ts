import type { Role } from './roles.js';

/** One person in a workspace and their role there. */
export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: number;
}

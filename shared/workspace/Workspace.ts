import type { Role } from './roles.js';

/** A team working on plans together. */
export interface Workspace {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  /** Experts and observers may suggest changes (suggestion marks) but not edit (shared/workspace/contentAccess.ts). */
  advisorsSuggestOnly: boolean;
}

/** A workspace as the API sends it to one user. */
export interface WorkspaceWithRole extends Workspace {
  /** The current user's role in it. */
  role: Role;
}

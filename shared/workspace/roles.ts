/**
 * Team roles (domain note §4) and what each may do. The server enforces this
 * table; the client only reads it to hide what would be refused anyway.
 */
export const ROLES = ['chair', 'deputyChair', 'secretary', 'member', 'expert', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'plan.read',
  'plan.comment',
  'plan.edit',
  'plan.manage',
  'proposal.vote',
  'proposal.decide',
  'version.create',
  'version.freeze',
  'workspace.manageMembers',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  chair: PERMISSIONS,
  // The chair delegates deciding proposals by giving someone this role (domain note §4): they act as the
  // chair on proposals, reopening decisions included, but do not freeze the agreed version or manage members.
  deputyChair: ['plan.read', 'plan.comment', 'plan.edit', 'plan.manage', 'proposal.vote', 'proposal.decide', 'version.create'],
  // Keeps the minutes and the versions; does not vote (domain note §4).
  secretary: ['plan.read', 'plan.comment', 'plan.edit', 'plan.manage', 'version.create'],
  member: ['plan.read', 'plan.comment', 'plan.edit', 'proposal.vote', 'version.create'],
  // An external expert gives an advisory opinion: edits and comments, no vote.
  expert: ['plan.read', 'plan.comment', 'plan.edit', 'version.create'],
  observer: ['plan.read', 'plan.comment'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

import { can, type Role } from './roles.js';

/** What a member may do to a plan's text: edit it, only suggest changes, or read it. */
export type ContentAccess = 'edit' | 'suggest' | 'read';

/** The roles the workspace setting `advisorsSuggestOnly` turns into suggest-only. */
export const ADVISOR_ROLES: readonly Role[] = ['expert', 'observer'];

/**
 * The one rule for a member's access to the text: with the chair's setting
 * on, experts and observers suggest (and an expert no longer edits directly);
 * otherwise the role's `plan.edit` permission decides.
 */
export function contentAccessFor(role: Role, settings: { advisorsSuggestOnly: boolean }): ContentAccess {
  if (settings.advisorsSuggestOnly && ADVISOR_ROLES.includes(role)) return 'suggest';
  return can(role, 'plan.edit') ? 'edit' : 'read';
}

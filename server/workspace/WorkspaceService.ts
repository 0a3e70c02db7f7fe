import { createHash, randomBytes } from 'node:crypto';
import type { ServiceDatabase, ServiceQueries } from '../database/ServiceDatabase.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { newId } from '../newId.js';
import { can, isRole, type Permission, type Role } from '../../shared/workspace/roles.js';
import type { Invitation } from '../../shared/workspace/Invitation.js';
import type { InvitationPreview } from '../../shared/workspace/InvitationPreview.js';
import type { Member } from '../../shared/workspace/Member.js';
import type { Workspace } from '../../shared/workspace/Workspace.js';
import type { User } from '../accounts/AccountService.js';

/** Tells open connections that someone's role changed or that they were removed. */
export type MembershipListener = (workspaceId: string, userId: string) => void;

export interface WorkspaceServiceOptions {
  database: ServiceDatabase;
  onMembershipChanged: MembershipListener;
  now?: () => number;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The team: workspaces, members with roles, invitations. */
export class WorkspaceService {
  private readonly database: ServiceDatabase;
  private readonly now: () => number;

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.database = options.database;
    this.now = options.now ?? Date.now;
  }

  async create(user: User, input: { name: string; description?: string }): Promise<Workspace> {
    const workspace: Workspace = {
      id: newId(),
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      createdAt: this.now(),
      advisorsSuggestOnly: false,
    };
    await this.database.transaction(async (transaction) => {
      await transaction.run(
        'INSERT INTO workspaces (id, name, description, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
        [workspace.id, workspace.name, workspace.description, user.id, workspace.createdAt],
      );
      await transaction.run(
        'INSERT INTO memberships (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)',
        [workspace.id, user.id, 'chair', workspace.createdAt],
      );
    });
    return workspace;
  }

  /**
   * The chair renames the team, changes its description (for example the
   * appointing resolution) or whether experts and observers only suggest.
   */
  async update(workspaceId: string, actor: User, changes: { name?: string; description?: string; advisorsSuggestOnly?: boolean }): Promise<Workspace> {
    await this.requireRole(workspaceId, actor, 'workspace.manageMembers');
    const current = await this.get(workspaceId);
    if (current === null) throw notFound('Workspace not found');
    const next: Workspace = {
      ...current,
      name: changes.name?.trim() ?? current.name,
      description: changes.description?.trim() ?? current.description,
      advisorsSuggestOnly: changes.advisorsSuggestOnly ?? current.advisorsSuggestOnly,
    };
    await this.database.run('UPDATE workspaces SET name = ?, description = ?, advisors_suggest_only = ? WHERE id = ?', [
      next.name,
      next.description,
      next.advisorsSuggestOnly ? 1 : 0,
      workspaceId,
    ]);
    if (next.advisorsSuggestOnly !== current.advisorsSuggestOnly) {
      // Open connections of experts and observers switch between suggesting and their role's own access at once.
      for (const member of await this.members(workspaceId)) this.options.onMembershipChanged(workspaceId, member.userId);
    }
    return next;
  }

  async listFor(user: User): Promise<Array<Workspace & { role: Role }>> {
    const rows = await this.database.all<{ id: string; name: string; description: string; created_at: number; advisors_suggest_only: number; role: string }>(
      `SELECT workspaces.id, workspaces.name, workspaces.description, workspaces.created_at, workspaces.advisors_suggest_only, memberships.role
       FROM memberships JOIN workspaces ON workspaces.id = memberships.workspace_id
       WHERE memberships.user_id = ? ORDER BY workspaces.created_at`,
      [user.id],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      createdAt: row.created_at,
      advisorsSuggestOnly: row.advisors_suggest_only === 1,
      role: isRole(row.role) ? row.role : 'observer',
    }));
  }

  async get(workspaceId: string): Promise<Workspace | null> {
    const row = await this.database.get<{ id: string; name: string; description: string; created_at: number; advisors_suggest_only: number }>(
      'SELECT id, name, description, created_at, advisors_suggest_only FROM workspaces WHERE id = ?',
      [workspaceId],
    );
    return row
      ? { id: row.id, name: row.name, description: row.description, createdAt: row.created_at, advisorsSuggestOnly: row.advisors_suggest_only === 1 }
      : null;
  }

  roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    return this.roleIn(this.database, workspaceId, userId);
  }

  /** The user's role; 404 for non-members (no hint that the workspace exists), 403 without `permission`. */
  requireRole(workspaceId: string, user: User, permission: Permission = 'plan.read'): Promise<Role> {
    return this.requireRoleIn(this.database, workspaceId, user, permission);
  }

  async members(workspaceId: string): Promise<Member[]> {
    const rows = await this.database.all<{ user_id: string; name: string; email: string; role: string; joined_at: number }>(
      `SELECT memberships.user_id, users.name, users.email, memberships.role, memberships.joined_at
       FROM memberships JOIN users ON users.id = memberships.user_id
       WHERE memberships.workspace_id = ? ORDER BY memberships.joined_at`,
      [workspaceId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      name: row.name,
      email: row.email,
      role: isRole(row.role) ? row.role : 'observer',
      joinedAt: row.joined_at,
    }));
  }

  async changeRole(workspaceId: string, actor: User, userId: string, role: Role): Promise<Member> {
    // Check and write in one transaction: two chairs demoting each other at once must not both succeed.
    await this.database.transaction(async (transaction) => {
      await this.requireRoleIn(transaction, workspaceId, actor, 'workspace.manageMembers');
      const current = await this.roleIn(transaction, workspaceId, userId);
      if (current === null) throw notFound('Member not found');
      await transaction.run('UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?', [role, workspaceId, userId]);
      await this.assertChairRemains(transaction, workspaceId);
    });
    this.options.onMembershipChanged(workspaceId, userId);
    const member = (await this.members(workspaceId)).find((candidate) => candidate.userId === userId);
    if (!member) throw notFound('Member not found');
    return member;
  }

  /** The chair removes anyone; a member may remove themselves (leave). */
  async removeMember(workspaceId: string, actor: User, userId: string): Promise<void> {
    await this.database.transaction(async (transaction) => {
      await this.requireRoleIn(transaction, workspaceId, actor, actor.id === userId ? 'plan.read' : 'workspace.manageMembers');
      const current = await this.roleIn(transaction, workspaceId, userId);
      if (current === null) throw notFound('Member not found');
      await transaction.run('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?', [workspaceId, userId]);
      await this.assertChairRemains(transaction, workspaceId);
    });
    this.options.onMembershipChanged(workspaceId, userId);
  }

  async createInvitation(
    workspaceId: string,
    actor: User,
    input: { role: Role; email?: string; expiresInDays: number },
  ): Promise<{ token: string; invitation: Invitation }> {
    await this.requireRole(workspaceId, actor, 'workspace.manageMembers');
    const token = randomBytes(24).toString('base64url');
    const createdAt = this.now();
    const invitation: Invitation = {
      id: newId(),
      role: input.role,
      email: input.email?.trim().toLowerCase() ?? null,
      createdAt,
      expiresAt: createdAt + input.expiresInDays * 24 * 60 * 60 * 1000,
      acceptedBy: null,
    };
    await this.database.run(
      `INSERT INTO invitations (id, token_hash, workspace_id, role, email, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [invitation.id, hashToken(token), workspaceId, invitation.role, invitation.email, actor.id, createdAt, invitation.expiresAt],
    );
    return { token, invitation };
  }

  async invitations(workspaceId: string, actor: User): Promise<Invitation[]> {
    await this.requireRole(workspaceId, actor, 'workspace.manageMembers');
    const rows = await this.database.all<{
      id: string; role: string; email: string | null; created_at: number; expires_at: number; accepted_by: string | null;
    }>(
      `SELECT id, role, email, created_at, expires_at, accepted_by FROM invitations
       WHERE workspace_id = ? AND revoked_at IS NULL ORDER BY created_at DESC`,
      [workspaceId],
    );
    return rows.map((row) => ({
      id: row.id,
      role: isRole(row.role) ? row.role : 'observer',
      email: row.email,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      acceptedBy: row.accepted_by,
    }));
  }

  async revokeInvitation(workspaceId: string, actor: User, invitationId: string): Promise<void> {
    await this.requireRole(workspaceId, actor, 'workspace.manageMembers');
    const revoked = await this.database.all(
      'UPDATE invitations SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL RETURNING id',
      [this.now(), invitationId, workspaceId],
    );
    if (revoked.length === 0) throw notFound('Invitation not found');
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    const row = await this.invitationRow(token);
    return {
      workspaceId: row.workspace_id,
      workspaceName: row.workspace_name,
      role: isRole(row.role) ? row.role : 'observer',
      email: row.email,
      expiresAt: row.expires_at,
      state: row.revoked_at !== null ? 'revoked' : row.accepted_by !== null ? 'used' : row.expires_at <= this.now() ? 'expired' : 'open',
    };
  }

  /** Single use. Someone already in the workspace keeps their role. */
  async acceptInvitation(token: string, user: User): Promise<{ workspaceId: string; role: Role }> {
    const row = await this.invitationRow(token);
    if (row.revoked_at !== null) throw new AppError(410, 'invitationRevoked', 'This invitation was revoked');
    if (row.accepted_by !== null) throw new AppError(410, 'invitationUsed', 'This invitation was already used');
    if (row.expires_at <= this.now()) throw new AppError(410, 'invitationExpired', 'This invitation has expired');
    if (row.email !== null && row.email !== user.email.toLowerCase()) {
      throw new AppError(403, 'invitationForAnotherEmail', 'This invitation is for another email address');
    }
    const role: Role = isRole(row.role) ? row.role : 'observer';
    const existing = await this.roleOf(row.workspace_id, user.id);
    await this.database.transaction(async (transaction) => {
      const claimed = await transaction.all(
        'UPDATE invitations SET accepted_by = ?, accepted_at = ? WHERE id = ? AND accepted_by IS NULL RETURNING id',
        [user.id, this.now(), row.id],
      );
      if (claimed.length === 0) throw new AppError(410, 'invitationUsed', 'This invitation was already used');
      if (existing === null) {
        await transaction.run(
          'INSERT INTO memberships (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)',
          [row.workspace_id, user.id, role, this.now()],
        );
      }
    });
    return { workspaceId: row.workspace_id, role: existing ?? role };
  }

  private async invitationRow(token: string) {
    const row = await this.database.get<{
      id: string; workspace_id: string; workspace_name: string; role: string; email: string | null;
      expires_at: number; accepted_by: string | null; revoked_at: number | null;
    }>(
      `SELECT invitations.id, invitations.workspace_id, workspaces.name AS workspace_name, invitations.role,
              invitations.email, invitations.expires_at, invitations.accepted_by, invitations.revoked_at
       FROM invitations JOIN workspaces ON workspaces.id = invitations.workspace_id
       WHERE invitations.token_hash = ?`,
      [hashToken(token)],
    );
    if (!row) throw notFound('Invitation not found');
    return row;
  }

  private async roleIn(executor: ServiceQueries, workspaceId: string, userId: string): Promise<Role | null> {
    const row = await executor.get<{ role: string }>(
      'SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?',
      [workspaceId, userId],
    );
    return row && isRole(row.role) ? row.role : null;
  }

  private async requireRoleIn(executor: ServiceQueries, workspaceId: string, user: User, permission: Permission): Promise<Role> {
    const role = await this.roleIn(executor, workspaceId, user.id);
    if (role === null) throw notFound('Workspace not found');
    if (!can(role, permission)) throw forbidden(`Your role (${role}) does not allow this`);
    return role;
  }

  /** Run after the change inside its transaction, so throwing rolls it back. */
  private async assertChairRemains(executor: ServiceQueries, workspaceId: string): Promise<void> {
    const row = await executor.get<{ count: number }>(
      `SELECT COUNT(*) AS count FROM memberships WHERE workspace_id = ? AND role = 'chair'`,
      [workspaceId],
    );
    if ((row?.count ?? 0) === 0) {
      throw new AppError(409, 'lastChair', 'A workspace needs at least one chair; appoint another chair first');
    }
  }
}

import type { IncomingMessage } from 'node:http';
import { parseDocumentName } from '../../shared/documentName.js';
import { Forbidden, Unauthorized } from '../../shared/protocol/closeCodes.js';
import type { Role } from '../../shared/workspace/roles.js';
import { contentAccessFor } from '../../shared/workspace/contentAccess.js';
import { encodePlanEvent } from '../../shared/protocol/encodeMessage.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import type { AccessMode } from '../../shared/protocol/accessMode.js';
import { AppError, forbidden, notFound, unauthorized } from '../errors.js';
import { sessionKeyOf, type AccountService, type User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import type { WorkspaceService } from '../workspace/WorkspaceService.js';
import type { AuthenticateUpgrade, ConnectionGrant, SyncServer } from '../sync/SyncServer.js';
import type { Logger } from '../log.js';
import { isAllowedOrigin } from './isAllowedOrigin.js';
import { PresenceColors } from './PresenceColors.js';

export interface PlanAccessOptions {
  accounts: AccountService;
  workspaces: WorkspaceService;
  plans: PlanService;
  allowedOrigins: readonly string[];
  readSessionToken: (request: IncomingMessage) => string | undefined;
  log: Logger;
}

/**
 * Who may open which plan over WebSocket, and with what access mode. Decided
 * at upgrade time from the session cookie, and again whenever a membership
 * changes, for the connections already open.
 */
export class PlanAccess {
  private syncServer: SyncServer | null = null;
  private readonly colors = new PresenceColors();

  constructor(private readonly options: PlanAccessOptions) {}

  /** Connections opened through `authenticate` are re-checked through this server. */
  attach(syncServer: SyncServer): void {
    this.syncServer = syncServer;
  }

  readonly authenticate: AuthenticateUpgrade = async (request, planId) => {
    if (!isAllowedOrigin(request, this.options.allowedOrigins)) throw forbidden('Origin not allowed');
    const token = this.options.readSessionToken(request);
    const user = await this.options.accounts.userForSession(token);
    if (user === null || token === undefined) throw unauthorized();
    return { ...(await this.grantFor(user, planId)), sessionKey: sessionKeyOf(token) };
  };

  /** Closes the sockets opened with a session that just ended (logout). */
  closeSession(token: string): void {
    const sessionKey = sessionKeyOf(token);
    this.syncServer?.closeConnections((connection) => connection.sessionKey === sessionKey, Unauthorized);
  }

  async grantFor(user: User, planId: string): Promise<ConnectionGrant> {
    return (await this.accessFor(user, planId)).grant;
  }

  private async accessFor(user: User, planId: string): Promise<{ grant: ConnectionGrant; role: Role }> {
    const plan = await this.options.plans.find(planId);
    if (plan === null) throw notFound('Plan not found');
    const role = await this.options.workspaces.roleOf(plan.workspaceId, user.id);
    if (role === null) throw notFound('Plan not found');
    const workspace = await this.options.workspaces.get(plan.workspaceId);
    const access = contentAccessFor(role, { advisorsSuggestOnly: workspace?.advisorsSuggestOnly ?? false });
    const accessMode: AccessMode = plan.status !== 'active' ? 'read-only' : access === 'edit' ? 'read-write' : access === 'suggest' ? 'suggest-only' : 'read-only';
    return { grant: { identity: { userId: user.id, name: user.name, color: this.caretColor(planId, user.id) }, accessMode }, role };
  }

  /** A caret colour no one else on the plan shows right now. */
  private caretColor(planId: string, userId: string): string {
    const present = new Map<string, string>();
    for (const connection of this.syncServer?.connectionsWhere((candidate) => parseDocumentName(candidate.documentName) === planId) ?? []) {
      present.set(connection.identity.userId, connection.identity.color);
    }
    return this.colors.assign(planId, userId, present);
  }

  /** Applies a role change or removal to the user's open connections at once. */
  async refreshUser(userId: string): Promise<void> {
    const syncServer = this.syncServer;
    if (syncServer === null) return;
    const connections = syncServer.connectionsWhere((connection) => connection.identity.userId === userId);
    if (connections.length === 0) return;
    const user = await this.options.accounts.findUser(userId);
    for (const connection of connections) {
      const planId = parseDocumentName(connection.documentName);
      try {
        if (user === null || planId === null) throw forbidden();
        const { grant, role } = await this.accessFor(user, planId);
        connection.setAccessMode(grant.accessMode);
        // What the member's page offers (decisions, votes, versions) follows the role without a reload.
        connection.send(encodePlanEvent(JSON.stringify({ type: 'accessChanged', role } satisfies PlanEvent)));
      } catch (error) {
        if (!(error instanceof AppError)) {
          this.options.log.error('re-checking a connection failed; closing it', { userId, error: String(error) });
        }
        connection.close(Forbidden);
      }
    }
  }

  /** Re-checks everyone connected to a plan, for example after it was archived. */
  async refreshPlan(planId: string): Promise<void> {
    const syncServer = this.syncServer;
    if (syncServer === null) return;
    const userIds = new Set(
      syncServer
        .connectionsWhere((connection) => parseDocumentName(connection.documentName) === planId)
        .map((connection) => connection.identity.userId),
    );
    for (const userId of userIds) await this.refreshUser(userId);
  }
}

import { parseDocumentName } from '../../shared/documentName.js';
import { Forbidden, Unauthorized } from '../../shared/protocol/closeCodes.js';
import { encodePlanEvent } from '../../shared/protocol/encodeMessage.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import { AppError, forbidden } from '../errors.js';
import { sessionKeyOf, type AccountService } from '../accounts/AccountService.js';
import type { ClientConnection } from '../sync/ClientConnection.js';
import type { ConnectionObserver } from '../sync/ConnectionObserver.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import type { PlanRoles } from './PlanRoles.js';

/**
 * Keeps open collaboration connections in line with memberships and
 * sessions: a role change, a removal, an archived plan or a logout applies
 * to the sockets already open. The sync server reports its connections here
 * (ConnectionObserver), so this service never needs the server itself.
 */
export class LiveAccess implements ConnectionObserver {
  private readonly connections = new Set<ClientConnection>();
  /**
   * The same connections by plan: every upgrade asks for the colours present on its plan, and
   * scanning all connections for each would cost thousands of plans a quadratic connect storm.
   */
  private readonly byPlan = new Map<string, Set<ClientConnection>>();

  constructor(private readonly options: { accounts: AccountService; roles: PlanRoles; log: Logger }) {}

  connectionOpened(connection: ClientConnection): void {
    this.connections.add(connection);
    const planId = parseDocumentName(connection.documentName);
    if (planId === null) return;
    const onPlan = this.byPlan.get(planId) ?? new Set<ClientConnection>();
    onPlan.add(connection);
    this.byPlan.set(planId, onPlan);
  }

  connectionClosed(connection: ClientConnection): void {
    this.connections.delete(connection);
    const planId = parseDocumentName(connection.documentName);
    const onPlan = planId === null ? undefined : this.byPlan.get(planId);
    if (planId === null || !onPlan) return;
    onPlan.delete(connection);
    if (onPlan.size === 0) this.byPlan.delete(planId);
  }

  /** Plans with an open connection (0 once everyone left). */
  get planCount(): number {
    return this.byPlan.size;
  }

  /** userId → caret colour of everyone connected to the plan right now. */
  presentColors(planId: string): Map<string, string> {
    const present = new Map<string, string>();
    for (const connection of this.onPlan(planId)) present.set(connection.identity.userId, connection.identity.color);
    return present;
  }

  /** Plan id → (userId → caret colour) of every connection here. */
  connectedColors(): Map<string, Map<string, string>> {
    const plans = new Map<string, Map<string, string>>();
    for (const connection of this.connections) {
      const planId = parseDocumentName(connection.documentName);
      if (planId === null) continue;
      const users = plans.get(planId) ?? new Map<string, string>();
      users.set(connection.identity.userId, connection.identity.color);
      plans.set(planId, users);
    }
    return plans;
  }

  /** Closes the sockets opened with a session that just ended (logout). */
  closeSession(token: string): void {
    this.closeSessionKey(sessionKeyOf(token));
  }

  /** As closeSession, by the session's key (what other instances are told). */
  closeSessionKey(sessionKey: string): void {
    for (const connection of [...this.connections]) {
      if (connection.sessionKey === sessionKey) connection.close(Unauthorized);
    }
  }

  /** Applies a role change or removal to the user's open connections at once. */
  async refreshUser(userId: string): Promise<void> {
    const connections = [...this.connections].filter((connection) => connection.identity.userId === userId);
    if (connections.length === 0) return;
    const user = await this.options.accounts.findUser(userId);
    for (const connection of connections) {
      const planId = parseDocumentName(connection.documentName);
      try {
        if (user === null || planId === null) throw forbidden();
        const { accessMode, role } = await this.options.roles.of(user, planId);
        connection.setAccessMode(accessMode);
        // What the member's page offers (decisions, votes, versions) follows the role without a reload.
        connection.send(encodePlanEvent(JSON.stringify({ type: 'accessChanged', role } satisfies PlanEvent)));
      } catch (error) {
        if (!(error instanceof AppError)) {
          this.options.log.error('re-checking a connection failed; closing it', { userId, error: describeError(error) });
        }
        connection.close(Forbidden);
      }
    }
  }

  /** Re-checks everyone connected to a plan, for example after it was archived. */
  async refreshPlan(planId: string): Promise<void> {
    const userIds = new Set(this.onPlan(planId).map((connection) => connection.identity.userId));
    for (const userId of userIds) await this.refreshUser(userId);
  }

  private onPlan(planId: string): ClientConnection[] {
    return [...(this.byPlan.get(planId) ?? [])];
  }
}

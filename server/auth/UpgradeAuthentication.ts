import type { IncomingMessage } from 'node:http';
import { forbidden, unauthorized } from '../errors.js';
import { sessionKeyOf, type AccountService, type User } from '../accounts/AccountService.js';
import type { AuthenticateUpgrade, ConnectionGrant } from '../sync/SyncServer.js';
import { isAllowedOrigin } from './isAllowedOrigin.js';
import type { CaretColors } from './CaretColors.js';
import type { PlanRoles } from './PlanRoles.js';

export interface UpgradeAuthenticationOptions {
  accounts: AccountService;
  roles: PlanRoles;
  allowedOrigins: readonly string[];
  readSessionToken: (request: IncomingMessage) => string | undefined;
  /** userId → caret colour of everyone connected to a plan (LiveAccess). */
  presentColors: (planId: string) => Map<string, string>;
  /** Who hands out the colours: PresenceColors (reservations released when the connection opens), or with several instances a shared registry (RedisCaretColors). */
  colors: CaretColors;
}

/** Who may open which plan over WebSocket, and with what access mode, decided at upgrade time from the session cookie. */
export class UpgradeAuthentication {
  constructor(private readonly options: UpgradeAuthenticationOptions) {}

  readonly authenticate: AuthenticateUpgrade = async (request, planId) => {
    if (!isAllowedOrigin(request, this.options.allowedOrigins)) throw forbidden('Origin not allowed');
    const token = this.options.readSessionToken(request);
    const user = await this.options.accounts.userForSession(token);
    if (user === null || token === undefined) throw unauthorized();
    return { ...(await this.grantFor(user, planId)), sessionKey: sessionKeyOf(token) };
  };

  async grantFor(user: User, planId: string): Promise<ConnectionGrant> {
    const { accessMode } = await this.options.roles.of(user, planId);
    // A caret colour no one else on the plan shows right now.
    const color = await this.options.colors.assign(planId, user.id, this.options.presentColors(planId));
    return { identity: { userId: user.id, name: user.name, color }, accessMode };
  }
}

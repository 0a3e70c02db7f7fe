import { sessionKeyOf } from '../accounts/AccountService.js';
import type { LiveAccess } from '../auth/LiveAccess.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import type { ClusterBus } from './ClusterBus.js';

const CHANNEL = 'access';

type AccessChange = { kind: 'user'; userId: string } | { kind: 'plan'; planId: string } | { kind: 'session'; sessionKey: string };

/**
 * Applies an access change (role change, removal, archived plan, logout) to the open sockets on
 * this instance and, through the cluster bus, on every other one. Each instance re-reads the
 * roles from the shared database, so the message only says whom to re-check.
 */
export class AccessRelay {
  constructor(
    private readonly access: LiveAccess,
    private readonly bus: ClusterBus | null,
    private readonly log: Logger,
  ) {
    bus?.subscribe(CHANNEL, (payload) => {
      const change = parseChange(payload);
      if (change !== null) void this.applyHere(change);
    });
  }

  /** Each returns once this instance's sockets are re-checked; the others are told at once. */
  userChanged(userId: string): Promise<void> {
    return this.announce({ kind: 'user', userId });
  }

  planChanged(planId: string): Promise<void> {
    return this.announce({ kind: 'plan', planId });
  }

  sessionEnded(token: string): Promise<void> {
    return this.announce({ kind: 'session', sessionKey: sessionKeyOf(token) });
  }

  private announce(change: AccessChange): Promise<void> {
    this.bus?.publish(CHANNEL, Buffer.from(JSON.stringify(change)));
    return this.applyHere(change);
  }

  private async applyHere(change: AccessChange): Promise<void> {
    try {
      if (change.kind === 'session') this.access.closeSessionKey(change.sessionKey);
      else if (change.kind === 'user') await this.access.refreshUser(change.userId);
      else await this.access.refreshPlan(change.planId);
    } catch (error) {
      this.log.error('applying an access change to open connections failed', { change, error: describeError(error) });
    }
  }
}

function parseChange(payload: Uint8Array): AccessChange | null {
  try {
    const value = JSON.parse(Buffer.from(payload).toString()) as Record<string, unknown>;
    if (value.kind === 'user' && typeof value.userId === 'string') return { kind: 'user', userId: value.userId };
    if (value.kind === 'plan' && typeof value.planId === 'string') return { kind: 'plan', planId: value.planId };
    if (value.kind === 'session' && typeof value.sessionKey === 'string') return { kind: 'session', sessionKey: value.sessionKey };
    return null;
  } catch {
    return null;
  }
}

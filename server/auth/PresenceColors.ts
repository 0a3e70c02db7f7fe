import { distinctColorForUser } from '../../shared/presence/colorForUser.js';
import type { CaretColors } from './CaretColors.js';

// A colour handed out stays reserved this long even before its socket is registered, so two people joining at once differ.
const RESERVATION_MS = 30_000;

interface Reservation {
  color: string;
  at: number;
}

/**
 * Caret colours per plan: distinct among the people present. The colours of
 * open connections are passed in; colours handed out but not yet on a
 * connection (an upgrade still in progress) are remembered here until the
 * connection opens (release) or the reservation expires, so a server that
 * saw thousands of plans keeps nothing for the ones nobody is joining.
 */
export class PresenceColors implements CaretColors {
  private readonly reservations = new Map<string, Map<string, Reservation>>();
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** `present`: user id → colour of everyone connected to the plan now. */
  assign(planId: string, userId: string, present: ReadonlyMap<string, string>): string {
    const own = present.get(userId);
    if (own !== undefined) return own;
    const now = this.now();
    const reserved = this.reservations.get(planId) ?? new Map<string, Reservation>();
    for (const [reservedUser, reservation] of reserved) {
      if (now - reservation.at > RESERVATION_MS && !present.has(reservedUser)) reserved.delete(reservedUser);
    }
    const taken = new Set<string>();
    for (const [otherUser, color] of present) if (otherUser !== userId) taken.add(color);
    for (const [otherUser, reservation] of reserved) if (otherUser !== userId && !present.has(otherUser)) taken.add(reservation.color);
    const color = distinctColorForUser(userId, taken);
    reserved.set(userId, { color, at: now });
    this.reservations.set(planId, reserved);
    this.scheduleSweep();
    return color;
  }

  /** The user's connection to the plan is open: its colour now counts as present, the reservation is done. */
  release(planId: string, userId: string): void {
    const reserved = this.reservations.get(planId);
    if (!reserved) return;
    reserved.delete(userId);
    if (reserved.size === 0) this.reservations.delete(planId);
  }

  /** Plans with a reservation held (0 once every upgrade finished or expired). */
  get reservedPlanCount(): number {
    return this.reservations.size;
  }

  /** Upgrades that never opened a connection (refused, or the socket died) leave reservations; they expire. */
  private scheduleSweep(): void {
    if (this.sweepTimer !== null) return;
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = null;
      const now = this.now();
      for (const [planId, reserved] of this.reservations) {
        for (const [userId, reservation] of reserved) if (now - reservation.at > RESERVATION_MS) reserved.delete(userId);
        if (reserved.size === 0) this.reservations.delete(planId);
      }
      if (this.reservations.size > 0) this.scheduleSweep();
    }, RESERVATION_MS);
    this.sweepTimer.unref();
  }
}

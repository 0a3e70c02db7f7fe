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
 * connection (an upgrade still in progress) are remembered here.
 */
export class PresenceColors implements CaretColors {
  private readonly reservations = new Map<string, Map<string, Reservation>>();

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
    return color;
  }
}

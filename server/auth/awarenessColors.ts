import type { Awareness } from 'y-protocols/awareness';

/**
 * user id → caret colour of everyone in a plan's presence states, including those connected to
 * other instances (their states reach this one through the cluster bus). The server stamps every
 * state's `user` with the session identity, so these colours are the ones people see.
 */
export function awarenessColors(awareness: Awareness): Map<string, string> {
  const colors = new Map<string, string>();
  for (const state of awareness.getStates().values()) {
    const user = (state as { user?: { id?: unknown; color?: unknown } }).user;
    if (typeof user?.id === 'string' && typeof user.color === 'string') colors.set(user.id, user.color);
  }
  return colors;
}

import { useEffect, useState } from 'react';
import type { PlanConnection } from './PlanConnection.js';

export interface PresentUser {
  clientId: number;
  name: string;
  color: string | null;
  isSelf: boolean;
}

interface AwarenessUser {
  name?: unknown;
  color?: unknown;
  id?: unknown;
}

/**
 * Everyone with an awareness state in the plan. The server stamps `user`
 * ({ name, color, id }) on every state it forwards, so names cannot be faked;
 * other people are listed once per user id even with several tabs open.
 * Our own entry is the local state, which the server never overwrites, so its
 * colour is the one the server says it gave this connection (PlanConnection.userColor).
 */
export function usePresence(connection: PlanConnection): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>(() => readPresence(connection));
  useEffect(() => {
    const { awareness } = connection.provider;
    // Awareness changes on every caret move; keep the same list (no React commit) while no one joined, left or changed name or colour.
    const update = (): void => {
      const next = readPresence(connection);
      setUsers((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [connection]);
  return users;
}

function readPresence(connection: PlanConnection): PresentUser[] {
  const selfId = connection.doc.clientID;
  const seen = new Set<string>();
  const users: PresentUser[] = [];
  const states = [...connection.provider.awareness.getStates().entries()].sort(([a], [b]) =>
    a === selfId ? -1 : b === selfId ? 1 : a - b,
  );
  for (const [clientId, state] of states) {
    const user = (state as { user?: AwarenessUser }).user;
    if (user === undefined || typeof user.name !== 'string') continue;
    const key = typeof user.id === 'string' ? user.id : `client:${clientId}`;
    const isSelf = clientId === selfId;
    if (seen.has(key)) continue;
    seen.add(key);
    users.push({
      clientId,
      name: user.name,
      color: isSelf ? connection.userColor : typeof user.color === 'string' ? user.color : null,
      isSelf,
    });
  }
  return users;
}

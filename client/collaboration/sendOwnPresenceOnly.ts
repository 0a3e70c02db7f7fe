import type { WebsocketProvider } from 'y-websocket';
import type { AwarenessChanges } from '../../shared/presence/AwarenessChanges.js';

/**
 * y-websocket 3.1 sends every awareness update its awareness emits to the
 * server, including the colleagues' states it has just received from it: with
 * N members, each caret move came back to the server N-1 times, counted
 * against every sender's message budget. The server relays presence itself
 * (and accepts only a connection's own state), so the provider here sends our
 * own state alone. Returns the function that stops it.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const send = provider._awarenessUpdateHandler;
  const own = (clientIds: number[]) => clientIds.filter((clientId) => clientId === awareness.clientID);
  const sendOwn = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const changes = { added: own(added), updated: own(updated), removed: own(removed) };
    if (changes.added.length + changes.updated.length + changes.removed.length > 0) send(changes, origin);
  };
  awareness.off('update', send);
  awareness.on('update', sendOwn);
  return () => awareness.off('update', sendOwn);
}

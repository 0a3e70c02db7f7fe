import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { UnchangedPresenceFilter } from '../../server/sync/UnchangedPresenceFilter.js';

/** A server-side Awareness fed by a client's, relaying through the filter as SharedDocument does. */
function relayThroughFilter(renewalMs: number) {
  let now = 0;
  const server = new awarenessProtocol.Awareness(new Y.Doc());
  server.setLocalState(null);
  const filter = new UnchangedPresenceFilter(server, renewalMs, () => now);
  const relayed: number[][] = [];
  server.on('update', (changes: { added: number[]; updated: number[]; removed: number[] }) => relayed.push(filter.relayable(changes)));
  const client = new awarenessProtocol.Awareness(new Y.Doc());
  client.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    awarenessProtocol.applyAwarenessUpdate(server, awarenessProtocol.encodeAwarenessUpdate(client, [...added, ...updated, ...removed]), 'client'),
  );
  return { client, relayed, advance: (ms: number) => (now += ms), removeClient: () => awarenessProtocol.removeAwarenessStates(client, [client.clientID], 'test') };
}

describe('UnchangedPresenceFilter', () => {
  it('relays a new and a changed state at once, an unchanged one only once the renewal time has passed', () => {
    const { client, relayed, advance } = relayThroughFilter(5_000);
    const id = client.clientID;
    client.setLocalState({ cursor: 1 }); // new
    client.setLocalState({ cursor: 1 }); // unchanged, 0 ms later
    advance(4_999);
    client.setLocalState({ cursor: 1 }); // unchanged, still inside the window
    client.setLocalState({ cursor: 2 }); // changed
    advance(5_000);
    client.setLocalState({ cursor: 2 }); // unchanged, but a renewal is due: peers must not time it out
    client.setLocalState({ cursor: 2 });
    expect(relayed).toEqual([[id], [], [], [id], [id], []]);
  });

  it('always relays a removal, and a state that comes back after it counts as new', () => {
    const { client, relayed, removeClient } = relayThroughFilter(5_000);
    const id = client.clientID;
    client.setLocalState({ cursor: 1 });
    removeClient();
    client.setLocalState({ cursor: 1 });
    expect(relayed).toEqual([[id], [id], [id]]);
  });
});

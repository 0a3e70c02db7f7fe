import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { formatDocumentName } from '../../shared/documentName.js';
import { MessageType } from '../../shared/protocol/messageType.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null removes the client's state. */
  state: Record<string, unknown> | null;
}

/** An awareness frame exactly as y-protocols encodes it, with whatever client ids we like. */
function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, JSON.stringify(entry.state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.Awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

function stateSeenBy(observer: TestClient, clientId: number): Record<string, unknown> | undefined {
  return observer.provider.awareness.getStates().get(clientId);
}

function userNameSeenBy(observer: TestClient, clientId: number): unknown {
  const user = stateSeenBy(observer, clientId)?.user;
  return typeof user === 'object' && user !== null ? (user as { name?: unknown }).name : undefined;
}

async function twoEditors(planId: string) {
  const server = await startTestServer();
  const anna = connectClient(server.collabUrl, planId, { name: 'Anna Kowalska' });
  const bartek = connectClient(server.collabUrl, planId, { name: 'Bartek' });
  await Promise.all([waitForSync(anna), waitForSync(bartek)]);
  // Each claims to be someone else; the server knows better.
  anna.provider.awareness.setLocalStateField('user', { name: 'Podszywacz', color: '#000000' });
  anna.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 4 });
  bartek.provider.awareness.setLocalStateField('user', { name: 'Admin' });
  const annaId = anna.doc.clientID;
  const bartekId = bartek.doc.clientID;
  await waitFor(
    () => stateSeenBy(bartek, annaId)?.cursor !== undefined && stateSeenBy(anna, bartekId)?.user !== undefined,
    { message: 'editors never saw each other' },
  );
  return { server, anna, bartek, annaId, bartekId };
}

describe('awareness', () => {
  it('two editors see each other under the names the server stamped', async () => {
    const { anna, bartek, annaId, bartekId } = await twoEditors('plan-awareness');
    expect(userNameSeenBy(bartek, annaId)).toBe('Anna Kowalska');
    expect(stateSeenBy(bartek, annaId)?.cursor).toEqual({ anchor: 1, head: 4 });
    expect(userNameSeenBy(anna, bartekId)).toBe('Bartek');
    const stampedColor = (stateSeenBy(bartek, annaId)?.user as { color?: unknown }).color;
    expect(stampedColor).not.toBe('#000000');
    expect(stampedColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("a client cannot change or remove another client's state", async () => {
    const planId = 'plan-spoof';
    const { server, anna, bartek, annaId, bartekId } = await twoEditors(planId);
    const annaBefore = stateSeenBy(bartek, annaId);
    const mallory = await RawCollabSocket.connect(server.collabUrl, planId, 'Mallory');
    const malloryId = 424242;

    // Before Mallory has an id of her own: pretend to be Anna, then remove Anna.
    mallory.sendBinary(awarenessFrame([{ clientId: annaId, clock: 10_000, state: { cursor: { anchor: 99, head: 99 } } }]));
    mallory.sendBinary(awarenessFrame([{ clientId: annaId, clock: 10_001, state: null }]));
    // Her own state binds her id; alongside it, another try at Anna's.
    mallory.sendBinary(
      awarenessFrame([
        { clientId: malloryId, clock: 1, state: { cursor: null } },
        { clientId: annaId, clock: 20_000, state: null },
      ]),
    );
    // And after being bound: Anna's entry only.
    mallory.sendBinary(awarenessFrame([{ clientId: annaId, clock: 30_000, state: { user: { name: 'Mallory' } } }]));
    mallory.sendBinary(awarenessFrame([{ clientId: malloryId, clock: 2, state: { cursor: { anchor: 0, head: 0 } } }]));

    // Frames are handled in order, so once Bartek sees Mallory's last state the spoofs were handled too.
    await waitFor(() => stateSeenBy(bartek, malloryId)?.cursor !== null && stateSeenBy(bartek, malloryId) !== undefined, {
      message: "Mallory's own state never arrived",
    });
    expect(userNameSeenBy(bartek, malloryId)).toBe('Mallory');
    expect(stateSeenBy(bartek, annaId)).toEqual(annaBefore);
    expect(stateSeenBy(anna, annaId)?.cursor).toEqual({ anchor: 1, head: 4 });
    const document = await server.server.registry.peek(formatDocumentName(planId));
    const serverStates = document?.awareness.getStates();
    expect(serverStates?.get(annaId)).toEqual(annaBefore);
    expect(new Set(serverStates?.keys())).toEqual(new Set([annaId, bartekId, malloryId]));
    expect(mallory.isOpen).toBe(true);
  });

  it("a client's state disappears for the others when it leaves", async () => {
    const planId = 'plan-leave';
    const { server, anna, bartek, annaId, bartekId } = await twoEditors(planId);
    const celinaId = 777_001;
    const celina = await RawCollabSocket.connect(server.collabUrl, planId, 'Celina');
    celina.sendBinary(awarenessFrame([{ clientId: celinaId, clock: 1, state: { cursor: { anchor: 2, head: 2 } } }]));
    await waitFor(() => userNameSeenBy(anna, celinaId) === 'Celina' && userNameSeenBy(bartek, celinaId) === 'Celina', {
      message: "Celina's state never arrived",
    });

    // No goodbye: the socket just dies, so only the server can tell the others.
    celina.socket.terminate();
    await waitFor(() => stateSeenBy(anna, celinaId) === undefined && stateSeenBy(bartek, celinaId) === undefined, {
      message: "Celina's state was not removed after her socket died",
    });

    bartek.destroy();
    await waitFor(() => stateSeenBy(anna, bartekId) === undefined, { message: "Bartek's state was not removed" });
    const document = await server.server.registry.peek(formatDocumentName(planId));
    expect([...(document?.awareness.getStates().keys() ?? [])]).toEqual([annaId]);
  });

  it('an unchanged state re-sent in a burst is relayed once; every changed one is relayed, in order', async () => {
    const { anna, bartek, annaId } = await twoEditors('plan-presence-burst');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seen: unknown[] = [];
    bartek.provider.awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(annaId)) seen.push(stateSeenBy(bartek, annaId)?.cursor);
    });
    // What stock y-tiptap does after every remote key: the same caret again, with a newer clock.
    for (let resend = 0; resend < 50; resend++) anna.provider.awareness.setLocalState({ ...anna.provider.awareness.getLocalState() });
    for (let head = 5; head < 25; head++) anna.provider.awareness.setLocalStateField('cursor', { anchor: 1, head });
    await waitFor(() => (stateSeenBy(bartek, annaId)?.cursor as { head?: number } | undefined)?.head === 24, { message: 'the last caret never arrived' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The first re-send came within the renewal window of the caret already relayed, so none of the 50 went out.
    expect(seen).toEqual(Array.from({ length: 20 }, (_, index) => ({ anchor: 1, head: index + 5 })));
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { CONTENT_FIELD, formatDocumentName } from '../../shared/documentName.js';
import { MessageType } from '../../shared/protocol/messageType.js';
import { recordDocumentSchemaVersion } from '../../shared/documentSchema.js';
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { connectClient, fragmentText, waitForSync } from '../helpers/connectClient.js';
import { PLANS_DATABASE_FILE } from '../helpers/RawDocumentDatabase.js';
import { paragraphUpdate } from '../helpers/paragraphUpdate.js';
import { waitFor } from '../helpers/waitFor.js';

const EMPTY_SYNC_STEP_1 = new Uint8Array([MessageType.Sync, syncProtocol.messageYjsSyncStep1, 1, 0]);
const PARAGRAPHS = ['Diagnoza', 'Cele', 'Kierunki interwencji'];

/**
 * A server on a data directory whose plan is stored as an uncompacted update
 * log (as after kill -9): three causally dependent rows.
 */
async function serverWithStoredLog(planIds: string[], handoffMaxWaitMs: number): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-handoff-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const store = await SqliteDocumentStore.open({ filename: path.join(dataDir, PLANS_DATABASE_FILE) });
  for (const planId of planIds) {
    const writer = new Y.Doc();
    const content = writer.getXmlFragment(CONTENT_FIELD);
    for (const text of PARAGRAPHS) {
      const before = Y.encodeStateVector(writer);
      // A document of the current schema: one of an older one is upgraded before any client gets it.
      recordDocumentSchemaVersion(writer);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      content.insert(content.length, [paragraph]);
      await store.appendUpdate(formatDocumentName(planId), Y.encodeStateAsUpdate(writer, before));
    }
  }
  await store.close();
  return startTestServer({ dataDir, config: { handoffMaxWaitMs } });
}

/** Opens a raw socket, asks as a client with an empty document, and waits for the awareness query behind the stored bytes. */
async function askForStoredState(server: TestServer, planId: string): Promise<RawCollabSocket> {
  const { client } = await RawCollabSocket.open(`${server.collabUrl}/${planId}?name=Raw`);
  if (client === null) throw new Error('upgrade refused');
  client.sendBinary(EMPTY_SYNC_STEP_1);
  await client.waitForMessage(() => true, { messageType: MessageType.QueryAwareness });
  return client;
}

/** The server asks the client for its state once it has attached the connection to the applied document; the handoff never does. */
function isServerSyncStep1(frame: Uint8Array): boolean {
  return frame[0] === MessageType.Sync && frame[1] === syncProtocol.messageYjsSyncStep1;
}

function isAttached(client: RawCollabSocket): boolean {
  return client.messages.some(isServerSyncStep1);
}

function whenAttached(client: RawCollabSocket): Promise<Uint8Array> {
  return client.waitForMessage(isServerSyncStep1);
}

function awarenessAnswer(): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Raw' } });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  return encoding.toUint8Array(encoder);
}

function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

describe('cold load: stored bytes handed to a new client before the server applies them', () => {
  it('sends the update log in stored order, then waits for the client to take it in', async () => {
    const server = await serverWithStoredLog(['plan-handoff'], 10_000);
    const raw = await askForStoredState(server, 'plan-handoff');

    // The access mode first (the client counts itself synced at the step 2, before the server attaches it),
    // then the rows in order: updates, the last one as sync step 2, then the awareness query.
    expect(raw.messages[0]?.[0]).toBe(MessageType.AccessMode);
    const syncTypes = raw.messages
      .filter((frame) => frame[0] === MessageType.Sync)
      .map((frame) => frame[1]);
    expect(syncTypes).toEqual([syncProtocol.messageYjsUpdate, syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2]);
    const received = new Y.Doc();
    for (const frame of raw.messages.filter((entry) => entry[0] === MessageType.Sync)) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      Y.applyUpdate(received, decoding.readVarUint8Array(decoder));
    }
    expect(fragmentText(received.getXmlFragment(CONTENT_FIELD))).toBe(PARAGRAPHS.join('\n'));

    // The server has not applied the bytes itself: it has not attached the connection.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAttached(raw)).toBe(false);

    // The client's answer to the query says it has taken the bytes in.
    raw.sendBinary(awarenessAnswer());
    await within(whenAttached(raw), 3_000, 'attaching after the answer');
    const reader = connectClient(server.collabUrl, 'plan-handoff');
    await waitForSync(reader);
    expect(reader.text()).toBe(PARAGRAPHS.join('\n'));
  });

  it('applies after the longest wait when the client never answers', async () => {
    const server = await serverWithStoredLog(['plan-silent'], 300);
    const queriedAt = performance.now();
    const raw = await askForStoredState(server, 'plan-silent');
    await whenAttached(raw);
    expect(performance.now() - queriedAt).toBeGreaterThanOrEqual(250);
  });

  it('does not make an edit or an API read wait for the answer', async () => {
    const server = await serverWithStoredLog(['plan-edit', 'plan-api'], 10_000);

    const editor = await askForStoredState(server, 'plan-edit');
    editor.sendUpdate(paragraphUpdate('Rekomendacje'));
    await within(whenAttached(editor), 3_000, 'attaching after an edit');
    const reader = connectClient(server.collabUrl, 'plan-edit');
    await waitForSync(reader);
    await waitFor(() => reader.content.length === PARAGRAPHS.length + 1, { timeoutMs: 3_000, message: 'the edit never reached another client' });
    expect(reader.text()).toContain('Rekomendacje');

    await askForStoredState(server, 'plan-api');
    const document = await within(server.server.registry.acquire(formatDocumentName('plan-api')), 3_000, 'an API read');
    expect(fragmentText(document.getXmlFragment(CONTENT_FIELD))).toBe(PARAGRAPHS.join('\n'));
  });

  it('stops waiting when the client leaves', async () => {
    const server = await serverWithStoredLog(['plan-left'], 10_000);
    const raw = await askForStoredState(server, 'plan-left');
    raw.socket.close();
    const document = await within(server.server.registry.peek(formatDocumentName('plan-left')), 3_000, 'the load after the client left');
    expect(document).not.toBeNull();
    expect(fragmentText((document as Y.Doc).getXmlFragment(CONTENT_FIELD))).toBe(PARAGRAPHS.join('\n'));
  });

  it('lets a stock client load, edit at once and stay in sync', async () => {
    const server = await serverWithStoredLog(['plan-stock'], 10_000);
    const first = connectClient(server.collabUrl, 'plan-stock', { name: 'Pierwsza' });
    await within(waitForSync(first), 3_000, 'the first client syncing');
    expect(first.text()).toBe(PARAGRAPHS.join('\n'));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Finansowanie')]);
    first.content.insert(first.content.length, [paragraph]);
    await within(first.channel.whenSaved(), 3_000, 'saving the first edit');
    const second = connectClient(server.collabUrl, 'plan-stock', { name: 'Druga' });
    await waitForSync(second);
    expect(second.text()).toBe([...PARAGRAPHS, 'Finansowanie'].join('\n'));
  });
});

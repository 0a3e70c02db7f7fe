import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { DOCUMENT_SCHEMA_VERSION, SCHEMA_CONNECTION_PARAM } from '../../shared/documentSchema.js';
import { MessageType } from '../../shared/protocol/messageType.js';
import {
  AwarenessTooLarge,
  DocumentTooLarge,
  TooManyConnections,
  TooManyMessages,
  UpdateTooLarge,
} from '../../shared/protocol/closeCodes.js';
import { encodeSaveRequest } from '../../shared/protocol/encodeMessage.js';
import type { AuthenticateUpgrade } from '../../server/sync/SyncServer.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { appendParagraph, connectClient, fragmentText, waitForSync } from '../helpers/connectClient.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { waitFor } from '../helpers/waitFor.js';
import { authenticateVisitor } from '../helpers/authenticateVisitor.js';

const KIB = 1024;

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

function awarenessFrame(clientId: number, state: Record<string, unknown>): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, 1);
  encoding.writeVarString(update, JSON.stringify(state));
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.Awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** What a fresh client finds on the server after a restart (what was stored). */
async function storedTextAfterRestart(server: Awaited<ReturnType<typeof startTestServer>>, planId: string): Promise<string> {
  const restarted = await server.restart();
  const reader = connectClient(restarted.collabUrl, planId, { name: 'Czytelnik' });
  await waitForSync(reader);
  return reader.text();
}

describe('size quotas', () => {
  it('an update over maxUpdateBytes closes its socket with 4413 and nothing of it is stored', async () => {
    const server = await startTestServer({ config: { maxUpdateBytes: 64 * KIB } });
    const planId = 'plan-update-quota';
    const anna = connectClient(server.collabUrl, planId, { name: 'Anna' });
    await waitForSync(anna);
    appendParagraph(anna, 'Cele strategiczne');
    await anna.channel.whenSaved();

    const offender = await RawCollabSocket.connect(server.collabUrl, planId, 'Offender');
    offender.sendUpdate(paragraphUpdate('x'.repeat(100 * KIB)));
    expect(await offender.waitForClose()).toEqual({ code: UpdateTooLarge.code, reason: UpdateTooLarge.reason });

    // An update just under the limit is fine.
    const honest = await RawCollabSocket.connect(server.collabUrl, planId, 'Honest');
    honest.sendUpdate(paragraphUpdate('y'.repeat(60 * KIB)));
    await waitFor(() => anna.text().includes('yyyy'), { message: 'an update under the limit was not relayed' });
    expect(anna.text()).not.toContain('xxxx');
    anna.destroy();
    const stored = await storedTextAfterRestart(server, planId);
    expect(stored).toContain('Cele strategiczne');
    expect(stored).not.toContain('xxxx');
    expect(stored).toContain('y'.repeat(60 * KIB));
  });

  it('an update that would grow the document over maxDocumentBytes closes with 4414 and is not stored; what came before is', async () => {
    const maxDocumentBytes = 256 * KIB;
    const server = await startTestServer({ config: { maxUpdateBytes: 64 * KIB, maxDocumentBytes } });
    const planId = 'plan-document-quota';
    const writer = connectClient(server.collabUrl, planId, { name: 'Anna' });
    await waitForSync(writer);
    const closes: number[] = [];
    writer.provider.on('closed', (event: { code: number }) => closes.push(event.code));
    const accepted: string[] = [];
    let warnedAfter: number | null = null;
    for (let index = 0; closes.length === 0; index++) {
      const label = `akapit ${index} `;
      appendParagraph(writer, label + 'z'.repeat(40 * KIB));
      await waitFor(() => closes.length > 0 || !writer.channel.state.hasUnsavedChanges, { message: `paragraph ${index} neither saved nor refused` });
      if (closes.length === 0) accepted.push(label);
      // The editor is warned before the limit refuses anything (from 80 % of it).
      if (warnedAfter === null && writer.channel.state.documentSize !== null) warnedAfter = accepted.length;
      if (index > 20) throw new Error('the document limit was never reached');
    }
    expect(closes).toEqual([DocumentTooLarge.code]);
    expect(warnedAfter).not.toBeNull();
    expect(warnedAfter as number).toBeLessThan(accepted.length + 1);
    expect(writer.channel.state.documentSize?.maxBytes).toBe(maxDocumentBytes);
    expect(accepted.length).toBeGreaterThan(3);
    writer.destroy();

    const stored = await storedTextAfterRestart(server, planId);
    for (const label of accepted) expect(stored).toContain(label);
    expect(stored).not.toContain(`akapit ${accepted.length} `);
    const reader = connectClient(server.collabUrl, planId, { name: 'Mierniczy' });
    await waitForSync(reader);
    expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeLessThanOrEqual(maxDocumentBytes);
  });

  it('an awareness state over maxAwarenessBytes closes with 4431 and no peer receives it', async () => {
    const server = await startTestServer({ config: { maxAwarenessBytes: 4 * KIB } });
    const planId = 'plan-awareness-quota';
    const observer = connectClient(server.collabUrl, planId, { name: 'Obserwatorka' });
    await waitForSync(observer);
    const offender = await RawCollabSocket.connect(server.collabUrl, planId, 'Offender');
    const clientId = 424242;
    offender.sendBinary(awarenessFrame(clientId, { user: { name: 'Offender' }, junk: 'j'.repeat(8 * KIB) }));
    expect((await offender.waitForClose()).code).toBe(AwarenessTooLarge.code);

    const honest = await RawCollabSocket.connect(server.collabUrl, planId, 'Honest');
    honest.sendBinary(awarenessFrame(515151, { user: { name: 'Honest' }, cursor: null }));
    await waitFor(() => observer.provider.awareness.getStates().has(515151), { message: 'a small awareness state was not relayed' });
    expect(observer.provider.awareness.getStates().has(clientId)).toBe(false);
  });
});

describe('connection budgets', () => {
  it('a user past maxConnectionsPerUser is refused with 4428; others still connect', async () => {
    const server = await startTestServer({ config: { maxConnectionsPerUser: 3 } });
    const planId = 'plan-connection-quota';
    const sockets = await Promise.all([1, 2, 3].map(() => RawCollabSocket.connect(server.collabUrl, planId, 'Anna')));
    const { client: fourth } = await RawCollabSocket.open(`${server.collabUrl}/${planId}?name=Anna`);
    expect((await (fourth as RawCollabSocket).waitForClose()).code).toBe(TooManyConnections.code);
    expect(sockets.every((socket) => socket.isOpen)).toBe(true);
    const bartek = await RawCollabSocket.connect(server.collabUrl, planId, 'Bartek');
    expect(bartek.isOpen).toBe(true);
    // A slot freed is a slot taken again.
    sockets[0]?.socket.close();
    await sockets[0]?.waitForClose();
    await waitFor(async () => {
      const { client } = await RawCollabSocket.open(`${server.collabUrl}/${planId}?name=Anna`);
      const isAccepted = await Promise.race([
        client?.waitForMessage(() => true, { timeoutMs: 1_000 }).then(() => true, () => false),
        client?.closed.then(() => false),
      ]);
      if (!isAccepted) client?.socket.terminate();
      return isAccepted === true;
    }, { timeoutMs: 5_000, message: 'a freed connection slot was never available again' });
  });

  it('behind a trusted proxy the address limit counts the forwarded client address, not the proxy', async () => {
    const server = await startTestServer({ config: { maxConnectionsPerAddress: 2, trustProxy: true } });
    const planId = 'plan-address-quota';
    const from = (address: string, name: string) =>
      RawCollabSocket.open(`${server.collabUrl}/${planId}?name=${name}`, { 'x-forwarded-for': `${address}, 10.0.0.1` });
    const accepted = async (opened: Awaited<ReturnType<typeof from>>) =>
      Promise.race([
        opened.client?.waitForMessage(() => true, { timeoutMs: 3_000 }).then(() => true, () => false),
        opened.client?.closed.then(() => false),
      ]);
    // Two from one client fill its slots; a third from it is refused, while another client behind
    // the same proxy (the same socket address) still gets in.
    expect(await accepted(await from('203.0.113.7', 'Anna'))).toBe(true);
    expect(await accepted(await from('203.0.113.7', 'Bartek'))).toBe(true);
    const third = await from('203.0.113.7', 'Celina');
    expect((await (third.client as RawCollabSocket).waitForClose()).code).toBe(TooManyConnections.code);
    expect(await accepted(await from('198.51.100.4', 'Dorota'))).toBe(true);
  });

  it('a connection past its message budget is closed with 4429; its neighbours are not', async () => {
    const server = await startTestServer({ config: { messagesPerSecond: 20, messageBurst: 40 } });
    const planId = 'plan-rate-quota';
    const honest = connectClient(server.collabUrl, planId, { name: 'Anna' });
    await waitForSync(honest);
    const flooder = await RawCollabSocket.connect(server.collabUrl, planId, 'Flooder');
    for (let index = 0; index < 200; index++) flooder.sendBinary(Uint8Array.from([MessageType.QueryAwareness]));
    expect((await flooder.waitForClose()).code).toBe(TooManyMessages.code);
    appendParagraph(honest, 'po zalewie');
    await honest.channel.whenSaved();
    expect(honest.provider.wsconnected).toBe(true);
  });
});

/** Read-only for 'Obserwator', read-write for everyone else. */
const observerIsReadOnly: AuthenticateUpgrade = async (request, planId) => {
  const grant = await authenticateVisitor(request, planId);
  return grant.identity.name === 'Obserwator' ? { ...grant, accessMode: 'read-only' } : grant;
};

function messageTypeOf(frame: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(frame));
}

describe('a stock y-websocket client', () => {
  it('is sent only y-websocket message types, and read-only as the protocol\'s permission-denied message', async () => {
    const server = await startTestServer({ authenticate: observerIsReadOnly });
    const planId = 'plan-stock-client';
    const projectClient = connectClient(server.collabUrl, planId, { name: 'Anna' });
    await waitForSync(projectClient);
    appendParagraph(projectClient, 'Diagnoza');
    await projectClient.channel.whenSaved();

    const stockParams = { [SCHEMA_CONNECTION_PARAM]: String(DOCUMENT_SCHEMA_VERSION) };
    const writer = await RawCollabSocket.open(`${server.collabUrl}/${planId}?name=Bartek`, {}, { projectMessages: false });
    const observer = await RawCollabSocket.open(`${server.collabUrl}/${planId}?name=Obserwator`, {}, { projectMessages: false });
    const stockSockets = [writer.client, observer.client].filter((socket): socket is RawCollabSocket => socket !== null);
    expect(stockSockets).toHaveLength(2);
    for (const socket of stockSockets) {
      await socket.waitForMessage(() => true);
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, MessageType.Sync);
      syncProtocol.writeSyncStep1(step1, new Y.Doc());
      socket.sendBinary(encoding.toUint8Array(step1));
      socket.sendUpdate(paragraphUpdate(`od ${socket === observer.client ? 'obserwatora' : 'Bartka'}`));
      // Even asked for a project message (a stock client never would), the server does not answer in kind.
      socket.sendBinary(encodeSaveRequest(1));
    }
    await waitFor(() => projectClient.text().includes('od Bartka'), { message: "the stock writer's edit never arrived" });
    const [, observerSocket] = stockSockets as [RawCollabSocket, RawCollabSocket];
    const denied = await observerSocket.waitForMessage(
      (frame) => {
        const decoder = decoding.createDecoder(frame);
        decoding.readVarUint(decoder);
        return decoding.readVarUint(decoder) === 0 && decoding.readVarString(decoder) === 'read-only';
      },
      { messageType: MessageType.Auth },
    );
    expect(denied).toBeDefined();
    expect(projectClient.text()).not.toContain('od obserwatora');

    // A stock WebsocketProvider would log "Unable to compute message" for anything else.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => errors.mockRestore());
    const provider = new WebsocketProvider(server.collabUrl, planId, new Y.Doc(), {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { ...stockParams, name: 'Celina' },
      disableBc: true,
    });
    onTestFinished(() => provider.destroy());
    await waitFor(() => provider.synced, { message: 'the stock provider never synced' });
    appendParagraph(projectClient, 'zdarzenie dla wszystkich');
    await waitFor(() => fragmentText(provider.doc.getXmlFragment(CONTENT_FIELD)).includes('zdarzenie'), { message: 'stock provider missed an edit' });
    await projectClient.channel.whenSaved();

    for (const socket of stockSockets) {
      const types = new Set(socket.messages.map(messageTypeOf));
      for (const type of types) expect([MessageType.Sync, MessageType.Awareness, MessageType.Auth, MessageType.QueryAwareness]).toContain(type);
    }
    expect(new Set(writer.client?.messages.map(messageTypeOf)).has(MessageType.Auth)).toBe(false);
    expect(errors.mock.calls.filter((call) => String(call[0]).includes('Unable to compute message'))).toEqual([]);
    // The project's own client still gets its messages.
    expect(projectClient.channel.state.accessMode).toBe('read-write');
  });
});

/**
 * Light clients in their own process (forked by LightClientPool): many
 * sockets that speak the y-websocket protocol but do not apply what they
 * receive, so the measurement is bounded by the server, not by N Y.Docs on
 * two cores. Each client still sends real Yjs updates: it owns a tiny Y.Doc
 * and sets `${clientID}:${seq}` → send time in the root map `light`. A new
 * key refers to nothing else, so it integrates into the shared document
 * wherever it lands, at constant cost (an append to a shared root array
 * would make every server scan past the other clients' items).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { preciseNow } from './lib/preciseNow.js';
import { frameOutgoing, openingFrames, unframeIncoming, type Framing } from './lib/WireFraming.js';
import { connectionParams } from '../client/collaboration/connectionParams.js';
import { LIGHT_EDITS_FIELD, type LightReply, type LightRequest, type LightRoom } from './lib/lightClientMessages.js';

const SYNC = 0;
const QUERY_AWARENESS = 3;
/** An awareness update with no entries: what a client without a presence state answers to a query. */
const EMPTY_AWARENESS_FRAME = new Uint8Array([1, 1, 0]);

interface LightClient {
  socket: WebSocket;
  doc: Y.Doc;
  send(frame: Uint8Array): void;
}

const clients: LightClient[] = [];
let framesReceived = 0;
let bytesReceived = 0;
let editsSent = 0;

function reply(message: LightReply): void {
  process.send?.(message);
}

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Resolves with the time from opening the socket to the server's sync step 2. */
function connectOne(serverUrl: string, framing: Framing, room: LightRoom, timeoutMs: number, seed: Uint8Array | null): Promise<number> {
  const startedAt = performance.now();
  const doc = new Y.Doc();
  // The browser client's URL parameters (its document schema); the other servers ignore them.
  const query = new URLSearchParams(connectionParams()).toString();
  const socket = new WebSocket(`${serverUrl}/${encodeURIComponent(room.planId)}?${query}`, { headers: room.headers, perMessageDeflate: false });
  socket.binaryType = 'nodebuffer';
  const send = (frame: Uint8Array): void => {
    if (socket.readyState === socket.OPEN) socket.send(frameOutgoing(framing, room.planId, frame));
  };
  clients.push({ socket, doc, send });
  doc.on('update', (update: Uint8Array) => send(syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update))));
  return new Promise((resolve, reject) => {
    let isSynced = false;
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
    socket.on('open', () => {
      for (const frame of openingFrames(framing, room.planId)) socket.send(frame);
      send(syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
    });
    socket.on('message', (data: Buffer) => {
      framesReceived++;
      bytesReceived += data.byteLength;
      // After the sync, updates are counted, never applied; an awareness query is
      // still answered, as stock clients answer it at any time (Hocuspocus sends none).
      if (isSynced && !(framing === 'y-websocket' && data[0] === QUERY_AWARENESS)) return;
      const frame = unframeIncoming(framing, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (frame?.[0] === QUERY_AWARENESS) {
        send(EMPTY_AWARENESS_FRAME);
        return;
      }
      if (frame === null || frame[0] !== SYNC) return;
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // Answer with our own (tiny) state, as a stock client does.
        send(syncFrame((encoder) => syncProtocol.writeSyncStep2(encoder, doc, decoding.readVarUint8Array(decoder))));
      } else if (syncType === syncProtocol.messageYjsSyncStep2 && !isSynced) {
        isSynced = true;
        clearTimeout(timer);
        if (seed !== null) send(syncFrame((encoder) => syncProtocol.writeUpdate(encoder, seed)));
        resolve(performance.now() - startedAt);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function connect(request: Extract<LightRequest, { kind: 'connect' }>): Promise<LightReply> {
  const syncMs: number[] = [];
  let failed = 0;
  // A few at a time, like people arriving, rather than 1,000 handshakes in one tick.
  const queue = request.rooms.flatMap((room) => Array.from({ length: room.clients }, (_, index) => ({ room, isFirst: index === 0 })));
  const concurrency = 50;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const { room, isFirst } = queue[next++] as { room: LightRoom; isFirst: boolean };
      const seed = isFirst && room.seedBase64 !== undefined ? new Uint8Array(Buffer.from(room.seedBase64, 'base64')) : null;
      try {
        syncMs.push(await connectOne(request.serverUrl, request.framing, room, request.timeoutMs, seed));
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { id: request.id, kind: 'connected', syncMs, failed };
}

function edit(request: Extract<LightRequest, { kind: 'edit' }>): Promise<LightReply> {
  const intervalMs = 1000 / request.editsPerSecond;
  const writers = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        const edits = client.doc.getMap<number>(LIGHT_EDITS_FIELD);
        let sent = 0;
        let timer: NodeJS.Timeout | undefined;
        const once = (): void => {
          edits.set(`${client.doc.clientID}:${sent}`, preciseNow());
          sent++;
          editsSent++;
          if (sent >= request.editsPerClient) {
            clearInterval(timer);
            resolve();
          }
        };
        // A random phase, so the clients do not all write in the same millisecond.
        setTimeout(() => {
          once();
          if (sent < request.editsPerClient) timer = setInterval(once, intervalMs);
        }, Math.random() * intervalMs);
      }),
  );
  return Promise.all(writers).then(() => ({ id: request.id, kind: 'edited', editsSent }));
}

function disconnect(id: number): Promise<LightReply> {
  const closing = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        client.doc.destroy();
        if (client.socket.readyState === client.socket.CLOSED) return resolve();
        client.socket.once('close', () => resolve());
        client.socket.close();
        setTimeout(() => {
          client.socket.terminate();
          resolve();
        }, 2_000).unref();
      }),
  );
  clients.length = 0;
  return Promise.all(closing).then(() => ({ id, kind: 'disconnected' }));
}

process.on('message', (message: LightRequest) => {
  const handle = (): Promise<LightReply> => {
    switch (message.kind) {
      case 'connect':
        return connect(message);
      case 'edit':
        return edit(message);
      case 'stats': {
        const usage = process.cpuUsage();
        const open = clients.filter((client) => client.socket.readyState === client.socket.OPEN).length;
        return Promise.resolve({
          id: message.id,
          kind: 'stats',
          stats: { open, framesReceived, bytesReceived, editsSent, cpuMs: (usage.user + usage.system) / 1000 },
        });
      }
      case 'disconnect':
        return disconnect(message.id);
    }
  };
  handle().then(reply, (error: unknown) => reply({ id: message.id, kind: 'error', message: String(error) }));
});
process.on('disconnect', () => process.exit(0));

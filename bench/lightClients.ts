/**
 * Light clients in their own process (forked by LightClientPool): raw TCP
 * sockets that do the WebSocket handshake themselves, then only walk frame
 * headers and count frames and bytes. No WebSocket library, no payload
 * decoding, no Yjs while measuring: the measurement must be bounded by the
 * server, not by this process (the bench reports its CPU and flags a run
 * where it passed half a core). Everything a client sends is encoded before
 * the measurement (LightClientFrames): the sync step 1 (after the Auth
 * message for Hocuspocus), the answers to the server's sync step 1 and to an
 * awareness query, a room's seed, and its edits, real Yjs updates whose send
 * time is written into the prepared bytes just before they go out.
 */
import type net from 'node:net';
import { preciseNow } from './lib/preciseNow.js';
import { LightClientFrames, type StampableEdit } from './lib/LightClientFrames.js';
import { FrameHeaderWalker } from './lib/rawWebSocket/FrameHeaderWalker.js';
import { encodeClientFrame, OPCODE_CLOSE, OPCODE_PONG } from './lib/rawWebSocket/encodeClientFrame.js';
import { openRawWebSocket } from './lib/rawWebSocket/openRawWebSocket.js';
import type { Framing } from './lib/WireFraming.js';
import { connectionParams } from '../client/collaboration/connectionParams.js';
import type { LightReply, LightRequest, LightRoom } from './lib/lightClientMessages.js';

const SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const QUERY_AWARENESS = 3;
/** Hocuspocus answers a client's sync step 1 with this type (same payload as Sync). */
const HOCUSPOCUS_SYNC_REPLY = 4;
const NORMAL_CLOSE = encodeClientFrame(new Uint8Array([0x03, 0xe8]), OPCODE_CLOSE).bytes;

interface LightClient {
  socket: net.Socket;
  walker: FrameHeaderWalker;
  frames: LightClientFrames;
  edits: StampableEdit[];
}

const clients: LightClient[] = [];
let editsSent = 0;
/** Counts of clients already disconnected, so totals never go back. */
let closedFrames = 0;
let closedBytes = 0;

function reply(message: LightReply): void {
  process.send?.(message);
}

/** Bytes before the message type: Hocuspocus prefixes every message with the document name. */
function messagePrefixLength(framing: Framing, documentName: string): number {
  if (framing === 'y-websocket') return 0;
  const nameBytes = Buffer.byteLength(documentName);
  let lengthBytes = 1;
  for (let rest = nameBytes >>> 7; rest > 0; rest >>>= 7) lengthBytes++;
  return lengthBytes + nameBytes;
}

/** Resolves with the time from starting the connection to the server's sync step 2. */
async function connectOne(serverUrl: string, framing: Framing, room: LightRoom, timeoutMs: number, seed: Uint8Array | null): Promise<number> {
  const startedAt = performance.now();
  const frames = new LightClientFrames(framing, room.planId);
  // The browser client's URL parameters (its document schema); the other servers ignore them.
  const query = new URLSearchParams(connectionParams()).toString();
  const { socket, firstBytes } = await openRawWebSocket(`${serverUrl}/${encodeURIComponent(room.planId)}?${query}`, room.headers, timeoutMs);
  const typeAt = messagePrefixLength(framing, room.planId);
  return new Promise((resolve, reject) => {
    let isSynced = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('not synced in time'));
    }, timeoutMs);
    const send = (bytes: Buffer): void => {
      if (socket.writable) socket.write(bytes);
    };
    const walker = new FrameHeaderWalker(
      {
        onMessageHead(head) {
          const type = head[typeAt];
          // Stock clients answer an awareness query at any time (Hocuspocus sends none).
          if (type === QUERY_AWARENESS) return send(frames.awarenessAnswer);
          if (isSynced || (type !== SYNC && type !== HOCUSPOCUS_SYNC_REPLY)) return;
          const syncType = head[typeAt + 1];
          if (syncType === SYNC_STEP_1) send(frames.syncStep2Answer);
          else if (syncType === SYNC_STEP_2) {
            isSynced = true;
            clearTimeout(timer);
            if (seed !== null) send(frames.updateFrame(seed));
            resolve(performance.now() - startedAt);
          }
        },
        onPing: (payload) => send(encodeClientFrame(payload, OPCODE_PONG).bytes),
        onClose: () => socket.end(),
      },
      typeAt + 2,
    );
    clients.push({ socket, walker, frames, edits: [] });
    socket.on('data', (chunk: Buffer) => walker.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (!isSynced) reject(new Error('closed before the sync'));
    });
    for (const frame of frames.opening) send(frame);
    send(frames.syncStep1);
    if (firstBytes.length > 0) walker.push(firstBytes);
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

function prepareEdits(request: Extract<LightRequest, { kind: 'prepareEdits' }>): Promise<LightReply> {
  for (const client of clients) client.edits = client.frames.prepareEdits(request.editsPerClient);
  return Promise.resolve({ id: request.id, kind: 'prepared' });
}

function edit(request: Extract<LightRequest, { kind: 'edit' }>): Promise<LightReply> {
  const intervalMs = 1000 / request.editsPerSecond;
  const writers = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        const count = Math.min(request.editsPerClient, client.edits.length);
        let sent = 0;
        let timer: NodeJS.Timeout | undefined;
        const once = (): void => {
          const prepared = client.edits[sent] as StampableEdit;
          if (client.socket.writable) client.socket.write(client.frames.stamp(prepared, preciseNow()));
          sent++;
          editsSent++;
          if (sent >= count) {
            clearInterval(timer);
            resolve();
          }
        };
        if (count === 0) return resolve();
        // A random phase, so the clients do not all write in the same millisecond.
        setTimeout(() => {
          once();
          if (sent < count) timer = setInterval(once, intervalMs);
        }, Math.random() * intervalMs);
      }),
  );
  return Promise.all(writers).then(() => ({ id: request.id, kind: 'edited', editsSent }));
}

function disconnect(id: number): Promise<LightReply> {
  const closing = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        const { socket } = client;
        if (socket.destroyed) return resolve();
        socket.once('close', () => resolve());
        if (socket.writable) socket.end(NORMAL_CLOSE);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 2_000).unref();
      }),
  );
  for (const client of clients) {
    closedFrames += client.walker.messages;
    closedBytes += client.walker.payloadBytes;
  }
  clients.length = 0;
  return Promise.all(closing).then(() => ({ id, kind: 'disconnected' }));
}

function stats(id: number): LightReply {
  let open = 0;
  let framesReceived = closedFrames;
  let bytesReceived = closedBytes;
  for (const client of clients) {
    if (!client.socket.destroyed) open++;
    framesReceived += client.walker.messages;
    bytesReceived += client.walker.payloadBytes;
  }
  return { id, kind: 'stats', stats: { open, framesReceived, bytesReceived, editsSent } };
}

process.on('message', (message: LightRequest) => {
  const handle = (): Promise<LightReply> => {
    switch (message.kind) {
      case 'connect':
        return connect(message);
      case 'prepareEdits':
        return prepareEdits(message);
      case 'edit':
        return edit(message);
      case 'stats':
        return Promise.resolve(stats(message.id));
      case 'disconnect':
        return disconnect(message.id);
    }
  };
  handle().then(reply, (error: unknown) => reply({ id: message.id, kind: 'error', message: String(error) }));
});
process.on('disconnect', () => process.exit(0));

/**
 * The floor for a one-frame-per-update server: no Yjs at all. Each binary
 * frame is forwarded unchanged to every other socket of the same room (URL
 * path), except the sync handshake: a sync step 1 is answered with an empty
 * sync step 2 (so stock providers report synced) and step 1/step 2 frames are
 * not forwarded, because a relay has no state to sync. A client that joins
 * late therefore gets nothing it missed; the fan-out scenario connects every
 * client before the first edit.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
/** [Sync][SyncStep2][length 2][0 structs][0 deletes]: an empty Yjs update. */
const EMPTY_SYNC_STEP_2 = new Uint8Array([SYNC, SYNC_STEP_2, 2, 0, 0]);

const rooms = new Map<string, Set<WebSocket>>();
const webSocketServer = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = http.createServer((_request, response) => response.end('relay'));

webSocketServer.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
  const room = (request.url ?? '/').split('?')[0] ?? '/';
  let members = rooms.get(room);
  if (members === undefined) {
    members = new Set();
    rooms.set(room, members);
  }
  const peers = members;
  peers.add(socket);
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return;
    if (data[0] === SYNC && (data[1] === SYNC_STEP_1 || data[1] === SYNC_STEP_2)) {
      if (data[1] === SYNC_STEP_1) socket.send(EMPTY_SYNC_STEP_2);
      return;
    }
    for (const peer of peers) if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data);
  });
  socket.on('close', () => {
    peers.delete(socket);
    if (peers.size === 0) rooms.delete(room);
  });
  socket.on('error', () => socket.terminate());
});
server.on('upgrade', (request, socket, head) => {
  webSocketServer.handleUpgrade(request, socket, head, (webSocket) => webSocketServer.emit('connection', webSocket, request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`relay listening on port ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));

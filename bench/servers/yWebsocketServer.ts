/**
 * @y/websocket-server as its README starts it (bin `y-websocket`): one
 * in-memory Y.Doc per room, every update relayed as its own frame. No
 * persistence (YPERSISTENCE unset). Bench only; never import from server/.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const webSocketServer = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
webSocketServer.on('connection', (socket, request) => setupWSConnection(socket, request));
server.on('upgrade', (request, socket, head) => {
  webSocketServer.handleUpgrade(request, socket, head, (webSocket) => webSocketServer.emit('connection', webSocket, request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`y-websocket-server listening on port ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));

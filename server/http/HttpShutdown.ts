import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log.js';

/** Logged when the grace ran out; tests look for it to tell a clean drain from a forced one. */
export const CONNECTIONS_DESTROYED_AT_SHUTDOWN = 'connections still open at shutdown; destroying them';

/**
 * Stops the HTTP server in bounded time. Node's server.close() waits for every connection but
 * closes only those idle at that moment: one whose response was still being prepared goes back to
 * keep-alive afterwards, where Fastify keeps it 72 s (keepAliveTimeout) and a browser as long; one
 * that never sent a byte (a browser opens spare ones ahead) counts as active until headersTimeout,
 * whose check server.close() stops. So those are closed at once, responses sent once closing has
 * begun say `Connection: close`, and whatever is still open after the grace (a request still
 * running, a body never finished, a socket only half closed) is destroyed.
 */
export class HttpShutdown {
  private isClosing = false;
  private readonly sockets = new Set<Socket>();

  /** Before the app listens, so every connection is seen; the hook reaches every route, also ones registered earlier. */
  constructor(private readonly app: FastifyInstance) {
    app.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    app.addHook('onSend', (_request, reply, _payload, done) => {
      if (this.isClosing) void reply.header('connection', 'close');
      done();
    });
  }

  /** Stops listening; resolves once every connection is gone. */
  async close(graceMs: number, log: Logger): Promise<void> {
    this.isClosing = true;
    for (const socket of this.sockets) if (socket.bytesRead === 0) socket.destroy();
    const forceClose = setTimeout(() => {
      log.warn(CONNECTIONS_DESTROYED_AT_SHUTDOWN, { graceMs, connections: this.sockets.size });
      for (const socket of this.sockets) socket.destroy();
    }, graceMs);
    try {
      await this.app.close();
    } finally {
      clearTimeout(forceClose);
    }
  }
}

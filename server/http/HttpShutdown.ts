import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log.js';

/**
 * Stops the HTTP server in bounded time. Node's server.close() waits for every connection but
 * closes only those idle at that moment: one whose response was still being prepared goes back to
 * keep-alive afterwards, where Fastify keeps it 72 s (keepAliveTimeout) and a browser as long. So
 * responses sent once closing has begun say `Connection: close`, and whatever is still open after
 * the grace (a request still running, a body never finished, a socket only half closed) is destroyed.
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
    const forceClose = setTimeout(() => {
      log.warn('connections still open at shutdown; destroying them', { graceMs, connections: this.sockets.size });
      for (const socket of this.sockets) socket.destroy();
    }, graceMs);
    try {
      await this.app.close();
    } finally {
      clearTimeout(forceClose);
    }
  }
}

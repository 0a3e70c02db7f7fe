import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ServerShuttingDown } from '../shared/protocol/closeCodes.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './log.js';
import type { DocumentStore } from './persistence/DocumentStore.js';
import { SqliteDocumentStore } from './persistence/SqliteDocumentStore.js';
import { DocumentRegistry } from './sync/DocumentRegistry.js';
import { SyncServer, type AuthenticateUpgrade } from './sync/SyncServer.js';
import { createHttpApp } from './http/createHttpApp.js';
import { authenticateVisitor } from './auth/authenticateVisitor.js';

export interface PlanServerOptions {
  config: ServerConfig;
  log: Logger;
  authenticate?: AuthenticateUpgrade;
}

/** The composed server: one HTTP port for the client, /api and /collab. */
export class PlanServer {
  private isClosed = false;

  private constructor(
    readonly http: FastifyInstance,
    readonly syncServer: SyncServer,
    readonly registry: DocumentRegistry,
    readonly store: DocumentStore,
    private readonly log: Logger,
  ) {}

  static async start(options: PlanServerOptions): Promise<PlanServer> {
    const { config, log } = options;
    await mkdir(config.dataDir, { recursive: true });
    const store = await SqliteDocumentStore.open({
      filename: path.join(config.dataDir, 'plans.sqlite'),
      synchronous: config.sqliteSynchronous,
    });
    const registry = new DocumentRegistry({
      store,
      log,
      unloadDelayMs: config.unloadDelayMs,
      compactAfterAppends: config.compactAfterAppends,
    });
    const syncServer = new SyncServer({
      registry,
      authenticate: options.authenticate ?? authenticateVisitor,
      log,
      maxMessageBytes: config.maxMessageBytes,
      pingIntervalMs: config.pingIntervalMs,
    });
    const http = await createHttpApp({ clientDir: config.clientDir, log, routes: [] });
    http.server.on('upgrade', (request, socket, head) => {
      if (SyncServer.isCollabRequest(request)) syncServer.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
    await http.listen({ port: config.port, host: config.host });
    return new PlanServer(http, syncServer, registry, store, log);
  }

  get port(): number {
    return (this.http.server.address() as AddressInfo).port;
  }

  /** Stops accepting, closes sockets, flushes and compacts every document, closes the store. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    const stopListening = this.http.close();
    await this.syncServer.close();
    await this.registry.closeAll(ServerShuttingDown);
    await stopListening;
    await this.store.close();
    this.log.info('server stopped');
  }
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { COLLAB_PATH, formatDocumentName, isValidPlanId } from '../../shared/documentName.js';
import { ClientOutdated, ServerShuttingDown, TooManyConnections, type CloseEvent } from '../../shared/protocol/closeCodes.js';
import { PROJECT_MESSAGES_PARAM, PROJECT_MESSAGES_VALUE } from '../../shared/protocol/projectMessagesParam.js';
import { DOCUMENT_SCHEMA_VERSION, SCHEMA_CONNECTION_PARAM } from '../../shared/documentSchema.js';
import type { AccessMode } from '../../shared/protocol/accessMode.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import { AppError } from '../errors.js';
import { upgradeClientAddress } from './upgradeClientAddress.js';
import type { DocumentRegistry } from './DocumentRegistry.js';
import { ClientConnection } from './ClientConnection.js';
import type { AwarenessIdentity } from './filterAwarenessUpdate.js';
import { assertSyncLimits, type SyncLimits } from './SyncLimits.js';
import type { ConnectionObserver } from './ConnectionObserver.js';

/** Who is connecting and what they may do, decided once per upgrade. */
export interface ConnectionGrant {
  identity: AwarenessIdentity;
  accessMode: AccessMode;
  /** Identifies the login behind the connection, so ending that session can close it. */
  sessionKey?: string;
}

/** Throws an AppError (401, 403, 404) to refuse the upgrade. */
export type AuthenticateUpgrade = (request: IncomingMessage, planId: string) => Promise<ConnectionGrant>;

export interface SyncServerOptions {
  registry: DocumentRegistry;
  authenticate: AuthenticateUpgrade;
  log: Logger;
  maxMessageBytes: number;
  pingIntervalMs: number;
  limits: SyncLimits;
  /** Behind a reverse proxy: count connections per forwarded client address, not per proxy. */
  trustProxy?: boolean;
  /** Told of every connection as it opens and closes (live access). */
  observer?: ConnectionObserver;
}

/**
 * Accepts WebSocket upgrades on /collab/<planId>: authenticates, resolves the
 * document and hands the socket to a ClientConnection.
 */
export class SyncServer {
  private readonly webSocketServer: WebSocketServer;
  private readonly connections = new Set<ClientConnection>();
  /**
   * The same connections counted by document, user and address: every upgrade checks the limits
   * and every new awareness client id its document, and scanning all connections for each would
   * make a connect storm over thousands of plans quadratic. Emptied entries are deleted.
   */
  private readonly byDocument = new Map<string, Set<ClientConnection>>();
  private readonly countByUser = new Map<string, number>();
  private readonly countByAddress = new Map<string, number>();
  private readonly options: SyncServerOptions;
  private nextConnectionId = 1;
  private isClosing = false;

  constructor(options: SyncServerOptions) {
    if (options.maxMessageBytes < 1024) throw new Error('maxMessageBytes must be at least 1 KiB');
    assertSyncLimits(options.limits);
    this.options = options;
    this.webSocketServer = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  }

  /** Open connections, for callers that must act on them (for example a role change). */
  connectionsWhere(predicate: (connection: ClientConnection) => boolean): ClientConnection[] {
    return [...this.connections].filter(predicate);
  }

  /** Whether this request is ours; other upgrade paths are left to other handlers. */
  static isCollabRequest(request: IncomingMessage): boolean {
    const path = (request.url ?? '').split('?')[0] ?? '';
    return path === COLLAB_PATH || path.startsWith(`${COLLAB_PATH}/`);
  }

  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    if (this.isClosing) {
      refuseUpgrade(socket, 503, 'Server is shutting down');
      return;
    }
    void this.upgrade(request, socket, head);
  };

  /**
   * Bounded however many sockets are stuck: each gets the close handshake
   * for closeHandshakeTimeoutMs at most, one that does not read is terminated.
   */
  async close(): Promise<void> {
    this.isClosing = true;
    for (const connection of [...this.connections]) connection.close(ServerShuttingDown);
    await new Promise<void>((resolve) => this.webSocketServer.close(() => resolve()));
  }

  closeConnections(predicate: (connection: ClientConnection) => boolean, event: CloseEvent): void {
    for (const connection of this.connectionsWhere(predicate)) connection.close(event);
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const planId = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
    if (!isValidPlanId(planId)) {
      refuseUpgrade(socket, 404, 'Unknown document');
      return;
    }
    let grant: ConnectionGrant;
    try {
      grant = await this.options.authenticate(request, planId);
    } catch (error) {
      const status = error instanceof AppError ? error.status : 500;
      this.options.log.warn('upgrade refused', { planId, status, error: describeError(error) });
      refuseUpgrade(socket, status, error instanceof AppError ? error.message : 'Internal error');
      return;
    }
    if (this.isClosing || socket.destroyed) {
      socket.destroy();
      return;
    }
    if (!speaksCurrentSchema(url)) {
      // A close code, not an HTTP refusal, so the client can tell the user to reload. Nothing of
      // the document is loaded or sent: y-prosemirror of an older schema would delete what it
      // does not know, and its edits would build on a shape the document no longer has.
      this.options.log.info('client of another document schema refused', { planId, schema: url.searchParams.get(SCHEMA_CONNECTION_PARAM) });
      this.webSocketServer.handleUpgrade(request, socket, head, (webSocket) => webSocket.close(ClientOutdated.code, ClientOutdated.reason));
      return;
    }
    const speaksProjectMessages = url.searchParams.get(PROJECT_MESSAGES_PARAM) === PROJECT_MESSAGES_VALUE;
    const remoteAddress = upgradeClientAddress(request, this.options.trustProxy ?? false);
    this.webSocketServer.handleUpgrade(request, socket, head, (webSocket) =>
      this.accept(webSocket, planId, grant, { speaksProjectMessages, remoteAddress }),
    );
  }

  private accept(
    socket: WebSocket,
    planId: string,
    grant: ConnectionGrant,
    { speaksProjectMessages, remoteAddress }: { speaksProjectMessages: boolean; remoteAddress: string },
  ): void {
    const limitReached = this.connectionLimitReached(grant.identity.userId, remoteAddress);
    if (limitReached !== null) {
      // Counted here, synchronously with adding the connection, so concurrent upgrades cannot overshoot.
      this.options.log.warn('connection limit reached; refusing the connection', { planId, limit: limitReached, remoteAddress });
      socket.close(TooManyConnections.code, TooManyConnections.reason);
      setTimeout(() => socket.terminate(), this.options.limits.closeHandshakeTimeoutMs).unref();
      return;
    }
    const documentName = formatDocumentName(planId);
    const { document, handoff } = this.options.registry.acquireForSync(documentName);
    const connection = new ClientConnection({
      id: this.nextConnectionId++,
      socket,
      documentName,
      identity: grant.identity,
      accessMode: grant.accessMode,
      sessionKey: grant.sessionKey ?? null,
      speaksProjectMessages,
      remoteAddress,
      limits: this.options.limits,
      document,
      handoff,
      isClientIdTaken: (clientId) => this.isClientIdTaken(documentName, clientId),
      log: this.options.log,
      pingIntervalMs: this.options.pingIntervalMs,
      onClose: (closed) => {
        if (!this.connections.delete(closed)) return;
        this.untrack(closed);
        this.options.observer?.connectionClosed(closed);
      },
    });
    this.connections.add(connection);
    this.track(connection);
    this.options.observer?.connectionOpened(connection);
  }

  /** Entries of the per-document, per-user and per-address indexes (all 0 once everyone left). */
  get indexedEntryCount(): number {
    return this.byDocument.size + this.countByUser.size + this.countByAddress.size;
  }

  private track(connection: ClientConnection): void {
    const onDocument = this.byDocument.get(connection.documentName) ?? new Set<ClientConnection>();
    onDocument.add(connection);
    this.byDocument.set(connection.documentName, onDocument);
    adjustCount(this.countByUser, connection.identity.userId, 1);
    adjustCount(this.countByAddress, connection.remoteAddress, 1);
  }

  private untrack(connection: ClientConnection): void {
    const onDocument = this.byDocument.get(connection.documentName);
    onDocument?.delete(connection);
    if (onDocument?.size === 0) this.byDocument.delete(connection.documentName);
    adjustCount(this.countByUser, connection.identity.userId, -1);
    adjustCount(this.countByAddress, connection.remoteAddress, -1);
  }

  /** Which limit a new connection of this user from this address would exceed, or null. */
  private connectionLimitReached(userId: string, remoteAddress: string): 'user' | 'address' | null {
    const ofUser = this.countByUser.get(userId) ?? 0;
    const ofAddress = this.countByAddress.get(remoteAddress) ?? 0;
    if (ofUser >= this.options.limits.maxConnectionsPerUser) return 'user';
    if (ofAddress >= this.options.limits.maxConnectionsPerAddress) return 'address';
    return null;
  }

  private isClientIdTaken(documentName: string, clientId: number): boolean {
    for (const connection of this.byDocument.get(documentName) ?? []) {
      if (connection.awarenessClientId === clientId) return true;
    }
    return false;
  }
}

function adjustCount(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

/** The client announced the document schema this server speaks (`?schema=3`). */
function speaksCurrentSchema(url: URL): boolean {
  return url.searchParams.get(SCHEMA_CONNECTION_PARAM) === String(DOCUMENT_SCHEMA_VERSION);
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    503: 'Service Unavailable',
  };
  return texts[status] ?? 'Internal Server Error';
}

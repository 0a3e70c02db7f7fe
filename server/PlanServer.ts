import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { ServerShuttingDown } from '../shared/protocol/closeCodes.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './log.js';
import { describeError } from './log.js';
import type { DocumentStore } from './persistence/DocumentStore.js';
import { SqliteDocumentStore } from './persistence/SqliteDocumentStore.js';
import type { PostgresDocumentStore } from './persistence/PostgresDocumentStore.js';
import type { PlanUpdateFeed } from './cluster/PlanUpdateFeed.js';
import type { ClusterBus } from './cluster/ClusterBus.js';
import { DocumentReplication } from './cluster/DocumentReplication.js';
import { AccessRelay } from './cluster/AccessRelay.js';
import type { HealthCheck } from './http/healthRoutes.js';
import { awarenessColors } from './auth/awarenessColors.js';
import { formatDocumentName, parseDocumentName } from '../shared/documentName.js';
import { openServiceDatabase } from './database/openServiceDatabase.js';
import type { ServiceDatabase } from './database/ServiceDatabase.js';
import { DocumentRegistry } from './sync/DocumentRegistry.js';
import { StorageHealth } from './persistence/StorageHealth.js';
import { SyncServer, type AuthenticateUpgrade } from './sync/SyncServer.js';
import { createHttpApp } from './http/createHttpApp.js';
import { HttpShutdown } from './http/HttpShutdown.js';
import { shutdownPhase } from './shutdownPhase.js';
import { authRoutes } from './http/authRoutes.js';
import { workspaceRoutes } from './http/workspaceRoutes.js';
import { planRoutes } from './http/planRoutes.js';
import { SESSION_COOKIE } from './http/session.js';
import { AccountService } from './accounts/AccountService.js';
import { WorkspaceService } from './workspace/WorkspaceService.js';
import { PlanService } from './plans/PlanService.js';
import { AttemptThrottle } from './accounts/AttemptThrottle.js';
import { PasswordHasher } from './accounts/PasswordHasher.js';
import { LiveAccess } from './auth/LiveAccess.js';
import { PlanRoles } from './auth/PlanRoles.js';
import { UpgradeAuthentication } from './auth/UpgradeAuthentication.js';
import { PresenceColors } from './auth/PresenceColors.js';
import { PlanEventPublisher } from './events/PlanEventPublisher.js';
import { CommentService } from './comments/CommentService.js';
import { CommentRateLimit } from './comments/CommentRateLimit.js';
import { ProposalService } from './proposals/ProposalService.js';
import { AgreementWatcher } from './proposals/AgreementWatcher.js';
import { LocalAnnouncedAgreements, type AnnouncedAgreements } from './proposals/AnnouncedAgreements.js';
import type { CaretColors } from './auth/CaretColors.js';
import { commentRoutes } from './http/commentRoutes.js';
import { proposalRoutes } from './http/proposalRoutes.js';
import { versionRoutes } from './http/versionRoutes.js';
import { VersionService } from './versions/VersionService.js';
import { ExportService } from './export/ExportService.js';
import { exportRenderers } from './export/exportRenderers.js';
import { ExportWorkerPool } from './export/ExportWorkerPool.js';
import { OFFICE_FORMATS } from './export/officeFormats.js';
import { exportRoutes } from './http/exportRoutes.js';
import { consultationRoutes } from './http/consultationRoutes.js';
import { publicConsultationRoutes } from './http/publicConsultationRoutes.js';
import { ConsultationService } from './consultations/ConsultationService.js';
import { SlidingWindowLimit } from './limits/SlidingWindowLimit.js';
import { PlanDocuments } from './plans/PlanDocuments.js';
import { planDocumentUpgrade } from './plans/migrations/planDocumentUpgrade.js';

/** How soon after an edit clients learn that an agreed block changed (see AgreementWatcher). */
const AGREEMENT_CHECK_INTERVAL_MS = 250;

/**
 * How long HTTP requests still running at shutdown may finish before their connections are
 * destroyed; well within main.ts's 10 s, after which the process exits with the store not closed.
 */
const HTTP_DRAIN_MS = 3_000;

export interface PlanServerOptions {
  config: ServerConfig;
  log: Logger;
  /** Replaces session authentication of WebSocket upgrades; for sync-level tests only. */
  authenticate?: AuthenticateUpgrade;
}

export interface PlanServerServices {
  accounts: AccountService;
  workspaces: WorkspaceService;
  plans: PlanService;
  liveAccess: LiveAccess;
  comments: CommentService;
  proposals: ProposalService;
  versions: VersionService;
}

/** The composed server: one HTTP port for the client, /api and /collab. */
export class PlanServer {
  private isClosed = false;

  private constructor(
    readonly http: FastifyInstance,
    readonly syncServer: SyncServer,
    readonly registry: DocumentRegistry,
    readonly store: DocumentStore,
    readonly services: PlanServerServices,
    private readonly database: ServiceDatabase,
    private readonly log: Logger,
    private readonly exportWorkers: ExportWorkerPool,
    private readonly cluster: Cluster | null,
    private readonly countPlanEntries: () => Record<string, number>,
    private readonly httpShutdown: HttpShutdown,
  ) {}

  static async start(options: PlanServerOptions): Promise<PlanServer> {
    const { config, log } = options;
    await mkdir(config.dataDir, { recursive: true });
    const filename = path.join(config.dataDir, 'plans.sqlite');
    // PostgreSQL and Redis code is loaded only when configured: the embedded default never pays for it.
    const postgresStore = config.databaseUrl === null ? null : await openPostgresStore(config.databaseUrl);
    const store: DocumentStore = postgresStore ?? (await SqliteDocumentStore.open({ filename, synchronous: config.sqliteSynchronous, journal: true }));
    // DATABASE_URL moves everything stored to PostgreSQL; without it, one SQLite file holds it all.
    const database = await openServiceDatabase({ databaseUrl: config.databaseUrl, filename, synchronous: config.sqliteSynchronous });
    const cluster = config.redisUrl === null ? null : await openCluster(config.redisUrl, config.instanceId);
    const healthChecks: HealthCheck[] = [];
    if (postgresStore) {
      // Both pools: the document store's and the services'.
      const ping = (): Promise<unknown> => Promise.all([postgresStore.ping(), database.get('SELECT 1 AS ok')]);
      healthChecks.push({ kind: 'database', check: () => ping().then(() => null, (error: unknown) => `PostgreSQL unreachable: ${describeError(error)}`) });
    }
    if (cluster) {
      healthChecks.push({
        kind: 'redis',
        check: async () =>
          cluster.feed.status() === 'connected' && cluster.bus.status() === 'connected'
            ? null
            : 'Redis unreachable: reconnecting; members on other instances see changes once it is back',
      });
    }

    const accounts = new AccountService({
      database,
      hasher: new PasswordHasher({ maxConcurrent: config.passwordHashConcurrency, maxQueued: config.passwordHashQueue }),
      loginThrottle: new AttemptThrottle({ windowMs: 15 * 60 * 1000 }),
      maxLoginFailuresPerAccountAndAddress: config.maxLoginFailuresPerAccountAndAddress,
      maxLoginFailuresPerAddress: config.maxLoginFailuresPerAddress,
      registrationThrottle: new AttemptThrottle({ windowMs: 60 * 60 * 1000 }),
      maxRegistrationsPerAddress: config.maxRegistrationsPerHour,
      sessionTtlMs: config.sessionTtlMs,
    });
    let accessRelay: AccessRelay | null = null;
    const workspaces = new WorkspaceService({
      database,
      onMembershipChanged: (_workspaceId, userId) => void accessRelay?.userChanged(userId),
    });
    // Set once the proposal service exists; no plan document loads before the server listens.
    let agreementWatcher: AgreementWatcher | null = null;
    const storageHealth = new StorageHealth();
    const registry = new DocumentRegistry({
      store,
      log,
      unloadDelayMs: config.unloadDelayMs,
      compactAfterAppends: config.compactAfterAppends,
      handoffMaxWaitMs: config.handoffMaxWaitMs,
      maxDocumentBytes: config.maxDocumentBytes,
      storageHealth,
      schemaUpgrade: planDocumentUpgrade,
      onDocumentLoaded: (document) => agreementWatcher?.watch(document),
      ...(cluster ? { replication: new DocumentReplication({ feed: cluster.feed, bus: cluster.bus, store, log }) } : {}),
    });
    const documents = new PlanDocuments(registry);
    const plans = new PlanService(database, workspaces, documents);
    const readSessionToken = (request: IncomingMessage): string | undefined => http.parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
    const roles = new PlanRoles({ workspaces, plans });
    const access = new LiveAccess({ accounts, roles, log });
    const relay = new AccessRelay(access, cluster?.bus ?? null, log);
    accessRelay = relay;
    const presenceColors = new PresenceColors();
    const authentication = new UpgradeAuthentication({
      colors: cluster ? cluster.openCaretColors(() => access.connectedColors()) : presenceColors,
      accounts,
      roles,
      allowedOrigins: config.allowedOrigins,
      readSessionToken,
      // Connections here, plus members present through other instances (their presence states).
      presentColors: (planId) => {
        const present = access.presentColors(planId);
        const document = registry.loadedDocument(formatDocumentName(planId));
        if (document) for (const [userId, color] of awarenessColors(document.awareness)) if (!present.has(userId)) present.set(userId, color);
        return present;
      },
    });

    const syncServer = new SyncServer({
      registry,
      authenticate: options.authenticate ?? authentication.authenticate,
      observer: {
        connectionOpened: (connection) => {
          access.connectionOpened(connection);
          // Its colour is now among the present ones; the reservation made at the upgrade is done.
          const planId = parseDocumentName(connection.documentName);
          if (planId !== null) presenceColors.release(planId, connection.identity.userId);
        },
        connectionClosed: (connection) => access.connectionClosed(connection),
      },
      limits: config,
      trustProxy: config.trustProxy,
      log,
      maxMessageBytes: config.maxMessageBytes,
      pingIntervalMs: config.pingIntervalMs,
    });
    const events = new PlanEventPublisher(syncServer, cluster?.bus ?? null);
    const findBlock = (planId: string, blockId: string) => documents.findBlock(planId, blockId);
    const comments = new CommentService({
      database,
      plans,
      workspaces,
      events,
      commentRate: new CommentRateLimit({ limit: config.maxCommentsPerMinute, windowMs: 60_000 }),
      hasBlock: async (planId, blockId) => (await findBlock(planId, blockId)) !== null,
      findSuggestion: (planId, authorId, suggestionId) => documents.findSuggestion(planId, authorId, suggestionId),
    });
    const proposals = new ProposalService({
      database,
      plans,
      events,
      findBlock,
      findBlocks: (planId, blockIds) => documents.findBlocks(planId, blockIds),
    });
    const localAnnounced = new LocalAnnouncedAgreements();
    const watcher = new AgreementWatcher({
      proposals,
      announced: cluster?.announcedAgreements ?? localAnnounced,
      log,
      checkIntervalMs: AGREEMENT_CHECK_INTERVAL_MS,
    });
    agreementWatcher = watcher;
    events.onRelayed((planId, event) => {
      if (event.type === 'proposalChanged') proposals.forgetAgreements(planId);
    });
    const versions = new VersionService({ database, plans, proposals, documents, events });
    const exportWorkers = new ExportWorkerPool();
    const renderers = { ...exportRenderers, ...Object.fromEntries(OFFICE_FORMATS.map((format) => [format, exportWorkers.renderer(format)])) };
    const exports = new ExportService({ database, versions, renderers });
    const consultations = new ConsultationService({
      database,
      plans,
      versions,
      comments,
      events,
      // An office behind one address may send many remarks; a script may not send thousands.
      throttle: new SlidingWindowLimit({ limit: config.maxRemarksPerHour, windowMs: 60 * 60 * 1000 }),
      documents,
    });

    const http = await createHttpApp({
      clientDir: config.clientDir,
      log,
      allowedOrigins: config.allowedOrigins,
      trustProxy: config.trustProxy,
      storageHealth,
      healthChecks,
      ...(cluster ? { instanceId: config.instanceId } : {}),
      userForSession: (token) => accounts.userForSession(token),
      routes: [
        authRoutes(accounts, { onLogout: (token) => void relay.sessionEnded(token) }),
        workspaceRoutes(workspaces),
        planRoutes(plans, {
          onPlanChanged: (planId) => relay.planChanged(planId),
          onPlanImported: async (planId, user) => proposals.recordImportedStatuses(planId, user, await documents.read(planId)),
        }),
        commentRoutes(comments),
        proposalRoutes(proposals),
        versionRoutes(versions, { remarksAnnexOf: (planId, consultationId, user) => consultations.remarksAnnexOf(planId, consultationId, user) }),
        exportRoutes(exports),
        consultationRoutes(consultations),
        publicConsultationRoutes(consultations),
      ],
    });
    const httpShutdown = new HttpShutdown(http);
    http.server.on('upgrade', (request, socket, head) => {
      if (SyncServer.isCollabRequest(request)) syncServer.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
    await http.listen({ port: config.port, host: config.host });
    const countPlanEntries = (): Record<string, number> => ({
      ...Object.fromEntries(Object.entries(registry.entryCounts).map(([map, count]) => [`registry.${map}`, count])),
      'syncServer.indexes': syncServer.indexedEntryCount,
      'liveAccess.plans': access.planCount,
      'presenceColors.plans': presenceColors.reservedPlanCount,
      'agreementWatcher.plans': watcher.watchedPlanCount,
      'announcedAgreements.plans': localAnnounced.planCount,
      'proposals.cachedAgreements': proposals.cachedAgreementPlanCount,
    });
    return new PlanServer(http, syncServer, registry, store, { accounts, workspaces, plans, liveAccess: access, comments, proposals, versions }, database, log, exportWorkers, cluster, countPlanEntries, httpShutdown);
  }

  /**
   * What the server holds per plan or per connection, map by map: every count is 0 once all
   * clients left and their plans unloaded (test/server/planMemoryRelease.test.ts).
   */
  planEntryCounts(): Record<string, number> {
    return this.countPlanEntries();
  }

  get port(): number {
    return (this.http.server.address() as AddressInfo).port;
  }

  /**
   * Stops accepting, closes sockets, flushes and compacts every document, lets HTTP requests
   * still running finish (HTTP_DRAIN_MS at most), closes the database. Each phase past a second is logged.
   */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    const { log } = this;
    const stopListening = this.httpShutdown.close(HTTP_DRAIN_MS, log);
    await shutdownPhase(log, 'sync connections', () => this.syncServer.close());
    await shutdownPhase(log, 'documents', () => this.registry.closeAll(ServerShuttingDown));
    await shutdownPhase(log, 'http connections', () => stopListening);
    await shutdownPhase(log, 'export workers', () => this.exportWorkers.close());
    const { cluster } = this;
    if (cluster) await shutdownPhase(log, 'cluster', () => cluster.close());
    await shutdownPhase(log, 'document store', () => this.store.close());
    await shutdownPhase(log, 'service database', () => this.database.close());
    log.info('server stopped');
  }
}

interface Cluster {
  feed: PlanUpdateFeed;
  bus: ClusterBus;
  announcedAgreements: AnnouncedAgreements & { close(): Promise<void> };
  /** Caret colours shared by the instances; `connectedHere` lists this instance's connections to renew. */
  openCaretColors(connectedHere: () => Map<string, Map<string, string>>): CaretColors;
  close(): Promise<void>;
}

/**
 * Cross-instance fan-out: a Redis stream per plan for updates, pub/sub for presence and notices, and
 * a hash per plan of what clients were last told about agreed blocks (so one instance announces a flip).
 */
async function openCluster(url: string, instanceId: string): Promise<Cluster> {
  const [{ RedisPlanUpdateFeed }, { RedisClusterBus }, { RedisAnnouncedAgreements }, { RedisCaretColors }] = await Promise.all([
    import('./cluster/RedisPlanUpdateFeed.js'),
    import('./cluster/RedisClusterBus.js'),
    import('./cluster/RedisAnnouncedAgreements.js'),
    import('./cluster/RedisCaretColors.js'),
  ]);
  const feed = new RedisPlanUpdateFeed({ url, instanceId });
  const bus = new RedisClusterBus({ url, instanceId });
  const announcedAgreements = new RedisAnnouncedAgreements(url);
  let caretColors: InstanceType<typeof RedisCaretColors> | null = null;
  return {
    feed,
    bus,
    announcedAgreements,
    openCaretColors: (connectedHere) => (caretColors ??= new RedisCaretColors({ url, connectedHere })),
    close: async () => {
      await feed.close();
      await bus.close();
      await announcedAgreements.close();
      await caretColors?.close();
    },
  };
}

async function openPostgresStore(connectionString: string): Promise<PostgresDocumentStore> {
  const { PostgresDocumentStore } = await import('./persistence/PostgresDocumentStore.js');
  return PostgresDocumentStore.open({ connectionString });
}

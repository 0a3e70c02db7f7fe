import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { defaultConfig, type ServerConfig } from '../../server/config.js';
import { PlanServer, type PlanServerOptions } from '../../server/PlanServer.js';
import { silentLogger, type Logger } from '../../server/log.js';
import { SLOW_SHUTDOWN_PHASE } from '../../server/shutdownPhase.js';
import { authenticateVisitor } from './authenticateVisitor.js';
import { createTestDatabase, dropTestDatabase, testDatabaseBackend } from './testDatabase.js';

export interface TestServer {
  server: PlanServer;
  port: number;
  dataDir: string;
  /** The PostgreSQL database it stores in (the `postgres` test project), or null for the SQLite file in dataDir. */
  databaseUrl: string | null;
  httpUrl: string;
  collabUrl: string;
  /** Stops the server (flushing everything) and starts a new one on the same data. */
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  config?: Partial<ServerConfig>;
  dataDir?: string;
  log?: Logger;
  /**
   * How WebSocket upgrades are authenticated. Default: anyone, by `?name=`
   * (sync-level tests). Pass 'sessions' for the production session check.
   */
  authenticate?: PlanServerOptions['authenticate'] | 'sessions';
}

/**
 * A real server on a random port with a temporary SQLite file, or a database of its own on the
 * project's PostgreSQL cluster when the run is on PostgreSQL; cleaned up after the test.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { testServer, dispose } = await launchTestServer(options, startTestServer);
  onTestFinished(dispose);
  return testServer;
}

/**
 * The same server for a whole file (start it in beforeAll and return `dispose`
 * from there), where per-test servers would repeat costly setup such as accounts.
 */
export async function startSharedTestServer(options: TestServerOptions = {}): Promise<{ testServer: TestServer; dispose: () => Promise<void> }> {
  return launchTestServer(options, (restartOptions) => startSharedTestServer(restartOptions).then((shared) => shared.testServer));
}

async function launchTestServer(
  options: TestServerOptions,
  restartWith: (options: TestServerOptions) => Promise<TestServer>,
): Promise<{ testServer: TestServer; dispose: () => Promise<void> }> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'plan-editor-test-')));
  // A restart passes the database on in its config; only the first start creates (and later drops) it.
  const ownsDatabase = options.config?.databaseUrl === undefined && testDatabaseBackend() === 'postgres';
  const databaseUrl = ownsDatabase ? await createTestDatabase() : (options.config?.databaseUrl ?? null);
  const config: ServerConfig = {
    ...defaultConfig,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: path.resolve('dist/client'),
    unloadDelayMs: 200,
    ...options.config,
    databaseUrl,
  };
  const authenticate = options.authenticate === 'sessions' ? undefined : (options.authenticate ?? authenticateVisitor);
  const server = await PlanServer.start({ config, log: showingSlowShutdown(options.log ?? silentLogger), authenticate });
  const port = server.port;
  let isClosed = false;
  const close = async (): Promise<void> => {
    if (isClosed) return;
    isClosed = true;
    await server.close();
  };
  const dispose = async (): Promise<void> => {
    await close();
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    if (ownsDatabase && databaseUrl !== null) await dropTestDatabase(databaseUrl);
  };
  const testServer: TestServer = {
    server,
    port,
    dataDir,
    databaseUrl,
    httpUrl: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    async restart() {
      await close();
      return restartWith({ ...options, dataDir, config: { ...options.config, port, databaseUrl } });
    },
    close,
  };
  return { testServer, dispose };
}

/** Slow shutdown phases reach the test output even from a silenced log: a restart that hangs in CI names its phase. */
function showingSlowShutdown(log: Logger): Logger {
  return {
    info: (message, context) => log.info(message, context),
    warn: (message, context) => {
      if (message === SLOW_SHUTDOWN_PHASE) console.warn(`[test server] ${message}`, context);
      log.warn(message, context);
    },
    error: (message, context) => log.error(message, context),
  };
}

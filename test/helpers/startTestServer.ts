import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { defaultConfig, type ServerConfig } from '../../server/config.js';
import { PlanServer, type PlanServerOptions } from '../../server/PlanServer.js';
import { silentLogger, type Logger } from '../../server/log.js';
import { authenticateVisitor } from './authenticateVisitor.js';

export interface TestServer {
  server: PlanServer;
  port: number;
  dataDir: string;
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

/** A real server on a random port with a temporary SQLite file; cleaned up after the test. */
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
  const config: ServerConfig = {
    ...defaultConfig,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: path.resolve('dist/client'),
    unloadDelayMs: 200,
    ...options.config,
  };
  const authenticate = options.authenticate === 'sessions' ? undefined : (options.authenticate ?? authenticateVisitor);
  const server = await PlanServer.start({ config, log: options.log ?? silentLogger, authenticate });
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
  };
  const testServer: TestServer = {
    server,
    port,
    dataDir,
    httpUrl: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    async restart() {
      await close();
      return restartWith({ ...options, dataDir, config: { ...options.config, port } });
    },
    close,
  };
  return { testServer, dispose };
}

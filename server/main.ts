import { readConfig } from './config.js';
import { createConsoleLogger, describeError } from './log.js';
import { PlanServer } from './PlanServer.js';

const log = createConsoleLogger();
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const server = await PlanServer.start({ config, log });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log.info(`plan editor listening on http://${shownHost}:${server.port}`, { dataDir: config.dataDir });

  let isStopping = false;
  const stop = (signal: string): void => {
    if (isStopping) return;
    isStopping = true;
    log.info('stopping', { signal });
    // Sockets are terminated within a second; only a store that hangs (a dead disk) could hold us longer.
    setTimeout(() => {
      log.error('shutdown did not finish in time; exiting', { timeoutMs: SHUTDOWN_TIMEOUT_MS });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error: describeError(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  log.error('server failed to start', { error: describeError(error) });
  process.exit(1);
});

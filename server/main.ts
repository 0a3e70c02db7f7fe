import { readConfig } from './config.js';
import { createConsoleLogger, describeError } from './log.js';
import { PlanServer } from './PlanServer.js';

const log = createConsoleLogger();

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

/** Structured logger injected into the engine, so tests can silence or capture it. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export function createConsoleLogger(): Logger {
  const write = (level: string, message: string, context?: Record<string, unknown>): void => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...context });
    if (level === 'error') console.error(line);
    else console.log(line);
  };
  return {
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

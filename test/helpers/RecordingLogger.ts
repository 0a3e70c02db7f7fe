import type { Logger } from '../../server/log.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogLine {
  level: LogLevel;
  message: string;
  context: Record<string, unknown>;
}

/** A Logger that keeps every line, so tests can assert what the server reported. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];

  info(message: string, context: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'info', message, context });
  }

  warn(message: string, context: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'warn', message, context });
  }

  error(message: string, context: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'error', message, context });
  }

  at(level: LogLevel): LogLine[] {
    return this.lines.filter((line) => line.level === level);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readProcessUsage, type ProcessUsage } from './readProcessUsage.js';

export interface ChildServerOptions {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Matched against each output line; group 1 must be the port. */
  readyPattern: RegExp;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

const OUTPUT_LINES_KEPT = 40;

/**
 * A server in its own process, so its CPU and memory are measured apart from
 * the clients and it can really be killed. Keeps the last output lines for
 * error messages.
 */
export class ChildServer {
  readonly pid: number;
  readonly port: number;
  readonly startupMs: number;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private readonly recentLines: string[];
  private readonly stopTimeoutMs: number;

  private constructor(child: ChildProcess, port: number, startupMs: number, exited: Promise<number | null>, lines: string[], stopTimeoutMs: number) {
    if (child.pid === undefined) throw new Error('child has no pid');
    this.child = child;
    this.pid = child.pid;
    this.port = port;
    this.startupMs = startupMs;
    this.exited = exited;
    this.recentLines = lines;
    this.stopTimeoutMs = stopTimeoutMs;
  }

  static spawn(options: ChildServerOptions): Promise<ChildServer> {
    const startedAt = performance.now();
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
      let isSettled = false;
      const settle = (outcome: () => void): void => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        outcome();
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        settle(() => reject(new Error(`server did not report ready within ${options.startTimeoutMs ?? 20_000} ms:\n${lines.join('\n')}`)));
      }, options.startTimeoutMs ?? 20_000);
      const onLine = (line: string): void => {
        lines.push(line);
        if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
        const port = options.readyPattern.exec(line)?.[1];
        if (port === undefined) return;
        const startupMs = performance.now() - startedAt;
        settle(() => resolve(new ChildServer(child, Number(port), startupMs, exited, lines, options.stopTimeoutMs ?? 15_000)));
      };
      forEachLine(child.stdout, onLine);
      forEachLine(child.stderr, onLine);
      child.once('error', (error) => settle(() => reject(error)));
      void exited.then((code) => settle(() => reject(new Error(`server exited with ${code} before it was ready:\n${lines.join('\n')}`))));
    });
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get recentOutput(): string {
    return this.recentLines.join('\n');
  }

  usage(): ProcessUsage {
    return readProcessUsage(this.pid);
  }

  async stop(): Promise<number | null> {
    if (!this.isRunning) return this.exited;
    this.child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.stopTimeoutMs).unref());
    const outcome = await Promise.race([this.exited, timeout]);
    if (outcome !== 'timeout') return outcome;
    this.child.kill('SIGKILL');
    await this.exited;
    throw new Error(`server did not exit within ${this.stopTimeoutMs} ms of SIGTERM:\n${this.recentOutput}`);
  }

  async kill(): Promise<void> {
    if (this.isRunning) this.child.kill('SIGKILL');
    await this.exited;
  }
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (stream === null) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) onLine(part);
  });
}

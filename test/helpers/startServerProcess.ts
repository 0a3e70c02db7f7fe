import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { onTestFinished } from 'vitest';
import { findFreePort } from './findFreePort.js';

export { findFreePort };

export interface ServerProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  httpUrl: string;
  collabUrl: string;
  /** Every line the process wrote to stdout and stderr so far. */
  output: string[];
  /** Settles when the process has exited. */
  exited: Promise<ServerProcessExit>;
  /** Sends `signal` and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<ServerProcessExit>;
}

export interface ServerProcessOptions {
  dataDir: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Node arguments that start the server; default: the TypeScript entry point through tsx. */
  entry?: string[];
}

/**
 * The real server entry point (`server/main.ts`) in its own process, so tests
 * can kill it like the operating system would. Resolves once it logged that it
 * listens; the process is killed after the test if it still runs.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await findFreePort();
  const entry = options.entry ?? ['--import', 'tsx', path.join('server', 'main.ts')];
  const child = spawn(process.execPath, entry, {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<ServerProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const stdout = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  readline.createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => output.push(line));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within ${startTimeoutMs} ms:\n${output.join('\n')}`)),
      startTimeoutMs,
    );
    stdout.on('line', (line) => {
      output.push(line);
      if (line.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`server exited during start (${exit.code ?? exit.signal}):\n${output.join('\n')}`));
    });
  });
  return {
    child,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    output,
    exited,
    stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

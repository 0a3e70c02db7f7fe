import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from './findFreePort.js';

/**
 * A private redis-server (Debian's package) for one test file: its own port on 127.0.0.1, no
 * persistence, a temporary working directory. `restart` stops and starts it on the same port,
 * empty, as a crashed Redis without persistence comes back.
 */
export class RedisServer {
  private child: ChildProcess | null = null;

  private constructor(
    private readonly directory: string,
    readonly port: number,
  ) {}

  static async start(): Promise<RedisServer> {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-redis-'));
    const server = new RedisServer(directory, await findFreePort());
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(downtimeMs = 0): Promise<void> {
    await this.halt();
    if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs));
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.halt();
    await rm(this.directory, { recursive: true, force: true });
  }

  /** Stops the server until `restart`: as an outage looks to the instances. */
  async halt(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  private async launch(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.directory],
      { stdio: 'ignore' },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('error', (error) =>
        reject(new Error(`redis-server did not start (${error.message}): install Debian's redis-server; .ci/run does this`)),
      );
      const deadline = Date.now() + 10_000;
      const probe = () => {
        const socket = net.connect(this.port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', () => {
          socket.destroy();
          if (Date.now() > deadline) reject(new Error('redis-server did not listen within 10 s'));
          else setTimeout(probe, 25);
        });
      };
      probe();
    });
  }
}

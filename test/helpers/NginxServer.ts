import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from './findFreePort.js';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * Debian's nginx in the foreground with a configuration file from the repository, its upstream
 * addresses and listening port replaced by the test's own (`rewrite`), its pid, logs and temporary
 * files in a private directory.
 */
export class NginxServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly directory: string,
    readonly port: number,
  ) {}

  static async start(configFile: string, rewrite: (config: string, port: number) => string): Promise<NginxServer> {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-nginx-'));
    // Workers run as an unprivileged user when the master runs as root: they need the temp directories.
    await mkdir(path.join(directory, 'logs'));
    await chmod(directory, 0o777);
    const port = await findFreePort();
    const config = rewrite(await readFile(configFile, 'utf8'), port);
    const configPath = path.join(directory, 'nginx.conf');
    await writeFile(configPath, config);
    const child = spawn(NGINX, ['-p', directory, '-c', configPath, '-g', `daemon off; pid ${path.join(directory, 'nginx.pid')}; error_log ${path.join(directory, 'error.log')};`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const server = new NginxServer(child, directory, port);
    await server.waitUntilListening(() => stderr);
    return server;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get collabUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    await rm(this.directory, { recursive: true, force: true });
  }

  private async waitUntilListening(stderr: () => string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`nginx exited: ${stderr()}`);
      const isOpen = await new Promise<boolean>((resolve) => {
        const socket = net.connect(this.port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (isOpen) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`nginx did not listen on ${this.port}: ${stderr()}`);
  }
}

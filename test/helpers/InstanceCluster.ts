import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { startServerProcess, type ServerProcess } from './startServerProcess.js';

export interface InstanceClusterOptions {
  count: number;
  databaseUrl: string;
  redisUrl: string;
  env?: Record<string, string>;
}

/**
 * Several real server processes (server/main.ts) on one PostgreSQL database and one Redis, as
 * behind a load balancer: each has its own port and data directory, none has sticky clients.
 * Instances can be killed (SIGKILL, as the OS would), stopped (SIGTERM) and started again.
 */
export class InstanceCluster {
  private readonly processes: Array<ServerProcess | null>;

  private constructor(
    private readonly options: InstanceClusterOptions,
    private readonly dataDirs: string[],
  ) {
    this.processes = dataDirs.map(() => null);
  }

  static async start(options: InstanceClusterOptions): Promise<InstanceCluster> {
    const dataDirs = await Promise.all(Array.from({ length: options.count }, () => mkdtemp(path.join(os.tmpdir(), 'plan-editor-instance-'))));
    const cluster = new InstanceCluster(options, dataDirs);
    onTestFinished(() => cluster.dispose());
    await Promise.all(dataDirs.map((_, index) => cluster.startInstance(index)));
    return cluster;
  }

  /** The running instance `index`; throws if it is down (a test bug). */
  instance(index: number): ServerProcess {
    const instance = this.processes[index];
    if (!instance) throw new Error(`instance ${index} is not running`);
    return instance;
  }

  isRunning(index: number): boolean {
    return this.processes[index] !== null;
  }

  get runningIndexes(): number[] {
    return this.processes.flatMap((instance, index) => (instance ? [index] : []));
  }

  async startInstance(index: number): Promise<ServerProcess> {
    if (this.processes[index]) throw new Error(`instance ${index} already runs`);
    const instance = await startServerProcess({
      dataDir: this.dataDirs[index] ?? '',
      env: {
        DATABASE_URL: this.options.databaseUrl,
        REDIS_URL: this.options.redisUrl,
        INSTANCE_ID: `instance-${index}`,
        UNLOAD_DELAY_MS: '200',
        ...this.options.env,
      },
    });
    this.processes[index] = instance;
    return instance;
  }

  async kill(index: number): Promise<void> {
    await this.instance(index).stop('SIGKILL');
    this.processes[index] = null;
  }

  async stop(index: number): Promise<void> {
    const exit = await this.instance(index).stop('SIGTERM');
    this.processes[index] = null;
    if (exit.code !== 0) throw new Error(`instance ${index} did not stop cleanly (${exit.code ?? exit.signal})`);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.runningIndexes.map((index) => this.stop(index)));
  }

  private async dispose(): Promise<void> {
    await Promise.all(this.runningIndexes.map((index) => this.kill(index)));
    await Promise.all(this.dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

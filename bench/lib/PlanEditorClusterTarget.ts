import type { ChildServer } from './ChildServer.js';
import { spawnPlanEditor } from './spawnPlanEditor.js';
import { resetPeakRss } from './resetPeakRss.js';
import { createPlanThroughApi, createPlansThroughApi } from './createPlanThroughApi.js';
import type { RunningServer, ServerCapabilities, ServerTarget, StartOptions } from './ServerTarget.js';
import { PostgresCluster } from '../../test/helpers/PostgresCluster.js';
import { RedisServer } from '../../test/helpers/RedisServer.js';

export interface PlanEditorClusterOptions {
  name: string;
  instances: number;
}

/**
 * The plan editor as a multi-instance deployment runs it: `instances` compiled servers on one
 * private PostgreSQL and one private Redis (started with the target, fsync off like the tests).
 * Clients are spread over the instances (RunningServer.serverUrls); CPU is the sum over them.
 * With one instance it measures what PostgreSQL and the Redis feed cost without any crossing.
 */
export class PlanEditorClusterTarget implements ServerTarget {
  readonly name: string;
  readonly capabilities: ServerCapabilities = { isDurable: true, servesState: true, settleMs: 0 };
  /** Only fan-out: the other scenarios read the SQLite file or restart one process. */
  readonly scenarios = ['fan-out'];
  private readonly started = new Set<ChildServer>();
  private backends: Promise<{ postgres: PostgresCluster; redis: RedisServer }> | null = null;

  constructor(private readonly options: PlanEditorClusterOptions) {
    this.name = options.name;
  }

  async start(options: StartOptions): Promise<RunningServer> {
    this.backends ??= Promise.all([PostgresCluster.start(), RedisServer.start()]).then(([postgres, redis]) => ({ postgres, redis }));
    const { postgres, redis } = await this.backends;
    const databaseUrl = await postgres.createDatabase();
    const children: ChildServer[] = [];
    // One after the other: the first runs the migrations, the others find them done.
    for (let index = 0; index < this.options.instances; index++) {
      const child = await spawnPlanEditor({
        DATA_DIR: `${options.dataDir}/instance-${index}`,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        INSTANCE_ID: `bench-${index}`,
        ...options.env,
      });
      children.push(child);
      this.started.add(child);
    }
    const [first] = children;
    if (!first) throw new Error('a cluster needs at least one instance');
    const httpUrl = `http://127.0.0.1:${first.port}`;
    const forget = (): void => {
      for (const child of children) this.started.delete(child);
    };
    return {
      pid: first.pid,
      serverUrl: `ws://127.0.0.1:${first.port}/collab`,
      serverUrls: children.map((child) => `ws://127.0.0.1:${child.port}/collab`),
      createPlan: (title) => createPlanThroughApi(httpUrl, title),
      createPlans: (title, count) => createPlansThroughApi(httpUrl, Array.from({ length: count }, (_, index) => `${title} ${index + 1}`)),
      startupMs: Math.max(...children.map((child) => child.startupMs)),
      usage: () => {
        const usages = children.map((child) => child.usage());
        return {
          cpuMs: usages.reduce((total, usage) => total + usage.cpuMs, 0),
          peakRssBytes: usages.reduce((total, usage) => total + usage.peakRssBytes, 0),
          rssBytes: usages.reduce((total, usage) => total + usage.rssBytes, 0),
          anonymousRssBytes: usages.reduce((total, usage) => total + usage.anonymousRssBytes, 0),
        };
      },
      resetPeakRss: () => children.every((child) => resetPeakRss(child.pid)),
      stop: async () => {
        const codes = await Promise.all(children.map((child) => child.stop()));
        forget();
        return codes.find((code) => code !== 0) ?? 0;
      },
      kill: async () => {
        await Promise.all(children.map((child) => child.kill()));
        forget();
      },
    };
  }

  async killAll(): Promise<void> {
    await Promise.all([...this.started].map((child) => child.kill()));
    this.started.clear();
  }

  /** Stops PostgreSQL and Redis (end of the run). */
  async close(): Promise<void> {
    await this.killAll();
    const backends = await this.backends;
    this.backends = null;
    if (backends) await Promise.all([backends.postgres.stop(), backends.redis.stop()]);
  }
}

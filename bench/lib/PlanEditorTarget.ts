import path from 'node:path';
import { benchBuildLayout } from './benchBuild.js';
import { ChildServer } from './ChildServer.js';
import { resetPeakRss } from './resetPeakRss.js';
import { createPlanThroughApi, createPlansThroughApi } from './createPlanThroughApi.js';
import { readStoredLayout, type StoredLayout } from './readStoredLayout.js';
import { formatDocumentName } from '../../shared/documentName.js';
import type { RunningServer, ServerCapabilities, ServerTarget, StartOptions } from './ServerTarget.js';

/**
 * The plan editor's own server as production runs it (`npm start`): the
 * esbuild output of scripts/build-server.mjs under plain Node, built once at
 * bench start (benchBuild).
 */
export class PlanEditorTarget implements ServerTarget {
  readonly name = 'plan-editor';
  readonly capabilities: ServerCapabilities = { isDurable: true, servesState: true, settleMs: 0 };
  private readonly started = new Set<ChildServer>();

  async start(options: StartOptions): Promise<RunningServer> {
    const child = await ChildServer.spawn({
      command: process.execPath,
      // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every server run.
      args: [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), benchBuildLayout.planEditorServer],
      cwd: benchBuildLayout.projectRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir,
        // Every bench client is one user on one address; the per-user and per-address limits are for people.
        MAX_CONNECTIONS_PER_USER: '1000000',
        MAX_CONNECTIONS_PER_ADDRESS: '1000000',
        ...options.env,
      },
      // main.ts logs `plan editor listening on http://127.0.0.1:<port>`.
      readyPattern: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    });
    this.started.add(child);
    return {
      pid: child.pid,
      serverUrl: `ws://127.0.0.1:${child.port}/collab`,
      createPlan: (title) => createPlanThroughApi(`http://127.0.0.1:${child.port}`, title),
      createPlans: (title, count) =>
        createPlansThroughApi(`http://127.0.0.1:${child.port}`, Array.from({ length: count }, (_, index) => `${title} ${index + 1}`)),
      startupMs: child.startupMs,
      usage: () => child.usage(),
      resetPeakRss: () => resetPeakRss(child.pid),
      stop: () => child.stop().finally(() => this.started.delete(child)),
      kill: () => child.kill().finally(() => this.started.delete(child)),
    };
  }

  readStoredLayout(dataDir: string, planId: string): Promise<StoredLayout> {
    return readStoredLayout(path.join(dataDir, 'plans.sqlite'), formatDocumentName(planId));
  }

  async killAll(): Promise<void> {
    await Promise.all([...this.started].map((child) => child.kill()));
    this.started.clear();
  }
}

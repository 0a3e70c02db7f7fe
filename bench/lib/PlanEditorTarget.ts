import path from 'node:path';
import type { ChildServer } from './ChildServer.js';
import { spawnPlanEditor } from './spawnPlanEditor.js';
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
    const child = await spawnPlanEditor({ DATA_DIR: options.dataDir, ...options.env });
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

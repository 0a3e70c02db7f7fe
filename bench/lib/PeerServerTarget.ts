import { randomUUID } from 'node:crypto';
import { benchBuildLayout } from './benchBuild.js';
import { ChildServer } from './ChildServer.js';
import { resetPeakRss } from './resetPeakRss.js';
import type { Framing } from './WireFraming.js';
import type { PlanHandle, RunningServer, ServerCapabilities, ServerTarget, StartOptions } from './ServerTarget.js';

export interface PeerServerTargetOptions {
  name: string;
  /** Entry file under bench/servers/ (run compiled, see benchBuild); it must log `listening on port <n>`. */
  script: string;
  framing: Framing;
  capabilities: ServerCapabilities;
}

/**
 * A server the plan editor is compared with (bench/servers/*), in its own
 * process like ours. Peers have no accounts: a plan is just a fresh room name.
 */
export class PeerServerTarget implements ServerTarget {
  readonly name: string;
  readonly capabilities: ServerCapabilities;
  private readonly options: PeerServerTargetOptions;
  private readonly started = new Set<ChildServer>();

  constructor(options: PeerServerTargetOptions) {
    this.options = options;
    this.name = options.name;
    this.capabilities = options.capabilities;
  }

  async start(options: StartOptions): Promise<RunningServer> {
    const child = await ChildServer.spawn({
      command: process.execPath,
      args: [...(process.env.BENCH_PEER_NODE_ARGS ?? '').split(' ').filter(Boolean), benchBuildLayout.peerServer(this.options.script)],
      cwd: benchBuildLayout.projectRoot,
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', DATA_DIR: options.dataDir, ...options.env },
      readyPattern: /listening on port (\d+)/,
    });
    this.started.add(child);
    const framing = this.options.framing;
    const newPlan = (): PlanHandle => ({ planId: `plan-${randomUUID()}`, headers: {}, hasServerChannel: false, framing });
    return {
      pid: child.pid,
      serverUrl: `ws://127.0.0.1:${child.port}`,
      createPlan: () => Promise.resolve(newPlan()),
      createPlans: (_title, count) => Promise.resolve(Array.from({ length: count }, newPlan)),
      startupMs: child.startupMs,
      usage: () => child.usage(),
      resetPeakRss: () => resetPeakRss(child.pid),
      stop: () => child.stop().finally(() => this.started.delete(child)),
      kill: () => child.kill().finally(() => this.started.delete(child)),
    };
  }

  async killAll(): Promise<void> {
    await Promise.all([...this.started].map((child) => child.kill()));
    this.started.clear();
  }
}

import type { ProcessUsage } from './readProcessUsage.js';
import type { StoredLayout } from './readStoredLayout.js';

/** What a scenario may rely on beyond the stock y-websocket protocol. */
export interface ServerCapabilities {
  /** Keeps documents on disk across restarts (stores under `dataDir`). */
  isDurable: boolean;
}

/** What clients need to open one plan: its room name and the upgrade request headers (session). */
export interface PlanHandle {
  planId: string;
  headers: Record<string, string>;
  /**
   * The server speaks the project's own messages (save confirmations, access
   * mode), so clients attach the real ServerChannel; the stock provider alone
   * would log each of those messages as unknown.
   */
  hasServerChannel: boolean;
}

/** One running server process under test. */
export interface RunningServer {
  readonly pid: number;
  /** The `serverUrl` a WebsocketProvider is given; the room name is the plan id. */
  readonly serverUrl: string;
  /** Creates a plan clients may edit; it and its credentials survive restarts on the same data. */
  createPlan(title: string): Promise<PlanHandle>;
  /** Wall time from spawn to the ready log line. */
  readonly startupMs: number;
  /** CPU time and peak RSS so far; only valid while the process runs. */
  usage(): ProcessUsage;
  /** Starts a new peak-RSS window (see resetPeakRss); false if unsupported. */
  resetPeakRss(): boolean;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

/**
 * A server implementation the scenarios run against. Today only the plan
 * editor's own server; other sync servers plug in here for comparison.
 */
export interface ServerTarget {
  readonly name: string;
  readonly capabilities: ServerCapabilities;
  start(options: StartOptions): Promise<RunningServer>;
  /** How a plan is laid out on disk; only while none of its servers runs. */
  readStoredLayout?(dataDir: string, planId: string): Promise<StoredLayout>;
  /** Kills every server this target started that still runs (after a failed scenario). */
  killAll(): Promise<void>;
}

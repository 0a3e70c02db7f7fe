import type { ProcessUsage } from './readProcessUsage.js';
import type { StoredLayout } from './readStoredLayout.js';
import type { Framing } from './WireFraming.js';

/** What a scenario may rely on beyond the stock y-websocket protocol. */
export interface ServerCapabilities {
  /** Keeps documents on disk across restarts (stores under `dataDir`). */
  isDurable: boolean;
  /**
   * Holds the document and answers sync step 1 with it, so a client that joins
   * late gets everything (false for the raw relay).
   */
  servesState: boolean;
  /**
   * How long after the last edit the server may still be writing it to disk
   * (Hocuspocus debounces its store); 0 when every update is committed before
   * it is broadcast.
   */
  settleMs: number;
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
  framing: Framing;
}

/** One running server process under test. */
export interface RunningServer {
  readonly pid: number;
  /** The `serverUrl` a WebsocketProvider is given; the room name is the plan id. */
  readonly serverUrl: string;
  /** Several instances serving the same plans: clients are spread over these (default: serverUrl). */
  readonly serverUrls?: readonly string[];
  /** Creates a plan clients may edit; it and its credentials survive restarts on the same data. */
  createPlan(title: string): Promise<PlanHandle>;
  /** Creates `count` plans at once (one account for all of them where the server has accounts). */
  createPlans(title: string, count: number): Promise<PlanHandle[]>;
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
 * A server implementation the scenarios run against: the plan editor's own
 * server, and the peers it is compared with (PeerServerTarget).
 */
export interface ServerTarget {
  readonly name: string;
  readonly capabilities: ServerCapabilities;
  /** Only these scenarios run against it (default: all). */
  readonly scenarios?: readonly string[];
  start(options: StartOptions): Promise<RunningServer>;
  /** How a plan is laid out on disk; only while none of its servers runs. */
  readStoredLayout?(dataDir: string, planId: string): Promise<StoredLayout>;
  /** Kills every server this target started that still runs (after a failed scenario). */
  killAll(): Promise<void>;
  /** Ends what the target keeps across starts (databases it runs); called once at the end. */
  close?(): Promise<void>;
}

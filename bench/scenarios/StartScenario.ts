import { LightClientPool } from '../lib/LightClientPool.js';
import { median } from '../lib/summarizeLatencies.js';
import { temporaryDataDir } from '../lib/temporaryDataDir.js';
import { templatePlanState } from '../lib/templatePlanState.js';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/Scenario.js';
import type { PlanHandle, ServerTarget } from '../lib/ServerTarget.js';
import type { Cell, ResultTable } from '../lib/ResultTable.js';
import { sideBySide } from '../lib/sideBySide.js';
import { planStateBytes } from '../lib/planStateBytes.js';
import { sleep } from '../lib/sleep.js';

export interface StartOptions {
  /** Timed starts per case. */
  starts: number;
  /** Plans in the database of the restart case. */
  storedPlans: number;
  /** Resident memory is read this long after the ready line (an idle server, nobody connected). */
  idleAfterMs: number;
  /** The first start is kept running this long: the plan editor writes its code cache meanwhile. */
  firstStartLifetimeMs: number;
}

interface StartCase {
  label: string;
  startupMs: number[];
  idleRssBytes: number[];
  /** The anonymous part of the idle RSS (the program's own memory, not the binary's pages). */
  idleAnonymousRssBytes: number[];
}

export interface StartRun {
  /** The very first start of this build (the plan editor compiles and writes its code cache). */
  first: StartCase;
  empty: StartCase;
  stored: StartCase;
  storedPlans: number;
  /** Bytes a client received for a stored plan after the restarts: proof the plans were stored. */
  storedPlanStateBytes: number;
}

/** An update with no structs and no deletions. */
const EMPTY_UPDATE_BYTES = 2;

/**
 * Process start until the ready line and idle memory, side by side: the first
 * start of the build, starts on an empty database, and restarts of a server
 * whose database holds `storedPlans` plans (issue 14 item 5: the time must not
 * grow with the plans stored, as it would if they were loaded eagerly).
 * Run it first: the first start is only first if no other scenario started this build.
 */
export class StartScenario implements Scenario {
  readonly needsDurableServer = true;
  readonly name = 'start';

  constructor(private readonly options: StartOptions) {}

  compare(results: ScenarioResult[], ours: string): ResultTable[] {
    const runOf = (result: ScenarioResult): StartRun => (result.data as { run: StartRun }).run;
    return [
      sideBySide(`Start side by side (median of ${this.options.starts})`, results, ours, [
        { label: 'start to listening ms, empty database', pick: (result) => median(runOf(result).empty.startupMs) },
        { label: 'idle RSS MiB, empty database', pick: (result) => median(runOf(result).empty.idleRssBytes) / 1024 ** 2 },
        { label: 'of it anonymous MiB, empty database', pick: (result) => median(runOf(result).empty.idleAnonymousRssBytes) / 1024 ** 2 },
        { label: `start to listening ms, ${this.options.storedPlans} stored plans`, pick: (result) => median(runOf(result).stored.startupMs) },
        { label: `idle RSS MiB, ${this.options.storedPlans} stored plans`, pick: (result) => median(runOf(result).stored.idleRssBytes) / 1024 ** 2 },
        { label: 'first start of the build ms', pick: (result) => median(runOf(result).first.startupMs) },
      ]),
    ];
  }

  async run(context: ScenarioContext): Promise<ScenarioResult> {
    const { target } = context;
    const emptyDir = await temporaryDataDir('start-empty');
    const storedDir = await temporaryDataDir('start-stored');
    try {
      const first: StartCase = { label: 'first start of this build', startupMs: [], idleRssBytes: [], idleAnonymousRssBytes: [] };
      await this.measureStart(target, emptyDir.path, first, this.options.firstStartLifetimeMs);

      context.log(`start (${target.name}): storing ${this.options.storedPlans} plans`);
      const storedPlan = await storePlans(target, storedDir.path, this.options.storedPlans);
      const empty: StartCase = { label: 'empty database', startupMs: [], idleRssBytes: [], idleAnonymousRssBytes: [] };
      const stored: StartCase = { label: `${this.options.storedPlans.toLocaleString('en')} stored plans`, startupMs: [], idleRssBytes: [], idleAnonymousRssBytes: [] };
      // Alternating, so that a change in the machine's load falls on both cases alike.
      for (let index = 0; index < this.options.starts; index++) {
        await this.measureStart(target, emptyDir.path, empty, 0);
        await this.measureStart(target, storedDir.path, stored, 0);
      }
      const storedPlanStateBytes = storedPlan === undefined ? 0 : await readStoredPlan(target, storedDir.path, storedPlan);

      const run: StartRun = { first, empty, stored, storedPlans: this.options.storedPlans, storedPlanStateBytes };
      context.log(`start (${target.name}): ${median(empty.startupMs).toFixed(0)} ms empty, ${median(stored.startupMs).toFixed(0)} ms with ${this.options.storedPlans} plans`);
      const row = (entry: StartCase): Cell[] => [
        entry.label,
        entry.startupMs.length,
        median(entry.startupMs),
        Math.min(...entry.startupMs),
        Math.max(...entry.startupMs),
        median(entry.idleRssBytes) / 1024 ** 2,
        Math.min(...entry.idleRssBytes) / 1024 ** 2,
        Math.max(...entry.idleRssBytes) / 1024 ** 2,
        median(entry.idleAnonymousRssBytes) / 1024 ** 2,
      ];
      return {
        scenario: this.name,
        server: target.name,
        tables: [
          {
            title: `Start to listening and idle memory (${target.name})`,
            columns: ['case', 'starts', 'start median ms', 'min ms', 'max ms', 'idle RSS median MiB', 'min MiB', 'max MiB', 'of it anonymous, median MiB'],
            rows: [row(first), row(empty), row(stored)],
            notes: [
              'start = spawn of the server process (plain `node` on the compiled entry) until its "listening" log line',
              `idle RSS = resident memory ${this.options.idleAfterMs} ms after that line, nobody connected; anonymous = its RssAnon (heap and the program's own memory, not the node binary's pages)`,
              `the stored plans were really there: a client received ${storedPlanStateBytes} bytes for one of them after the restarts`,
            ],
          },
        ],
        data: { options: this.options, run },
      };
    } finally {
      await emptyDir.remove();
      await storedDir.remove();
    }
  }

  private async measureStart(target: ServerTarget, dataDir: string, into: StartCase, lifetimeMs: number): Promise<void> {
    const server = await target.start({ dataDir });
    try {
      into.startupMs.push(server.startupMs);
      await sleep(this.options.idleAfterMs);
      const usage = server.usage();
      into.idleRssBytes.push(usage.rssBytes);
      into.idleAnonymousRssBytes.push(usage.anonymousRssBytes);
      if (lifetimeMs > this.options.idleAfterMs) await sleep(lifetimeMs - this.options.idleAfterMs);
    } finally {
      await server.stop();
    }
  }
}

/**
 * Creates the plans and makes sure each is stored: the plan editor stores a
 * plan's template when it is created; a peer stores a room only once a client
 * wrote to it, so one light client per plan writes the same template there.
 */
async function storePlans(target: ServerTarget, dataDir: string, count: number): Promise<PlanHandle | undefined> {
  const server = await target.start({ dataDir });
  const pool = LightClientPool.start();
  try {
    const plans = await server.createPlans('Plan zapisany', count);
    const first = plans[0];
    if (first === undefined) return undefined;
    const needsSeed = (await planStateBytes(server.serverUrl, first)) <= EMPTY_UPDATE_BYTES;
    if (needsSeed) {
      const seedBase64 = Buffer.from(templatePlanState()).toString('base64');
      const connected = await pool.connect(server.serverUrl, first.framing, plans.map((plan) => ({ planId: plan.planId, headers: plan.headers, clients: 1, seedBase64 })), 60_000);
      if (connected.failed > 0) throw new Error(`${connected.failed} plans could not be seeded`);
      await pool.disconnect();
    }
    await sleep(target.capabilities.settleMs);
    return first;
  } finally {
    await pool.stop();
    await server.stop();
  }
}

/** Restarts on the stored data once more and reads a stored plan, so a table never reports restarts of an empty database. */
async function readStoredPlan(target: ServerTarget, dataDir: string, plan: PlanHandle): Promise<number> {
  const server = await target.start({ dataDir });
  try {
    return await planStateBytes(server.serverUrl, plan);
  } finally {
    await server.stop();
  }
}

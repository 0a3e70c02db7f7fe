import { LightClientPool } from '../lib/LightClientPool.js';
import { summarizeLatencies, type LatencySummary } from '../lib/summarizeLatencies.js';
import { temporaryDataDir } from '../lib/temporaryDataDir.js';
import { templatePlanState } from '../lib/templatePlanState.js';

/** An update with no structs and no deletions. */
const EMPTY_UPDATE_BYTES = 2;
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/Scenario.js';
import type { ResultTable } from '../lib/ResultTable.js';
import { sideBySide } from '../lib/sideBySide.js';
import { planStateBytes as measurePlanState } from '../lib/planStateBytes.js';
import { sleep } from '../lib/sleep.js';

export interface ManyPlansOptions {
  plans: number;
  clientsPerPlan: number;
  /** The plan editor's unload grace for this scenario (UNLOAD_DELAY_MS); peers unload on their own. */
  unloadDelayMs: number;
  /** Wait after everyone left before reading memory: the grace plus the final flush. */
  afterLeaveWaitMs: number;
}

export interface ManyPlansRun {
  plans: number;
  clients: number;
  failed: number;
  connectToSyncedMs: LatencySummary;
  /** Bytes of one plan's state as a new client receives it (the plan editor seeds a template). */
  planStateBytes: number;
  rssBaselineMiB: number;
  rssOpenMiB: number;
  peakRssMiB: number;
  rssAfterLeaveMiB: number;
  kibPerOpenPlan: number;
}

/**
 * Many small teams on one server: `plans` plans with `clientsPerPlan` light
 * clients each, all connecting at once (50 handshakes in flight). Measures
 * connect-to-synced (socket opened until the server's sync step 2 arrived),
 * resident memory per open plan, and memory after everyone left and the
 * plans were unloaded.
 */
export class ManyPlansScenario implements Scenario {
  readonly needsDurableServer = false;
  readonly name = 'many-plans';

  constructor(private readonly options: ManyPlansOptions) {}

  compare(results: ScenarioResult[], ours: string): ResultTable[] {
    const runOf = (result: ScenarioResult): ManyPlansRun => (result.data as { run: ManyPlansRun }).run;
    return [
      sideBySide(`${this.options.plans} plans × ${this.options.clientsPerPlan} clients side by side`, results, ours, [
        { label: 'connect→synced p50 ms', pick: (result) => runOf(result).connectToSyncedMs.p50 },
        { label: 'connect→synced p99 ms', pick: (result) => runOf(result).connectToSyncedMs.p99 },
        { label: 'KiB per open plan', pick: (result) => runOf(result).kibPerOpenPlan },
        { label: 'RSS MiB with all open', pick: (result) => runOf(result).rssOpenMiB },
        { label: 'RSS MiB after all left', pick: (result) => runOf(result).rssAfterLeaveMiB },
        { label: 'plan state bytes', pick: (result) => runOf(result).planStateBytes },
      ]),
    ];
  }

  async run(context: ScenarioContext): Promise<ScenarioResult> {
    const { target } = context;
    const { plans: planCount, clientsPerPlan } = this.options;
    const dataDir = await temporaryDataDir('many-plans');
    const server = await target.start({ dataDir: dataDir.path, env: { UNLOAD_DELAY_MS: String(this.options.unloadDelayMs) } });
    const pool = LightClientPool.start();
    try {
      context.log(`many-plans (${target.name}): creating ${planCount} plans`);
      const plans = await server.createPlans('Plan zespołu', planCount);
      // Peers start plans empty; give them the plan editor's template so every server holds the same content.
      const startsEmpty = (await measurePlanState(server.serverUrl, plans[0])) <= EMPTY_UPDATE_BYTES;
      const seedBase64 = startsEmpty ? Buffer.from(templatePlanState()).toString('base64') : undefined;
      // Creating a plan may load it (the plan editor writes its template); let those unload first.
      await sleep(this.options.afterLeaveWaitMs);
      const rssBaseline = server.usage().rssBytes;
      server.resetPeakRss();
      context.log(`many-plans (${target.name}): ${planCount * clientsPerPlan} clients connecting`);
      const connected = await pool.connect(
        server.serverUrl,
        plans[0]?.framing ?? 'y-websocket',
        plans.map((plan) => ({ planId: plan.planId, headers: plan.headers, clients: clientsPerPlan, ...(seedBase64 ? { seedBase64 } : {}) })),
        30_000,
      );
      await sleep(2_000);
      const open = server.usage();
      const planStateBytes = await measurePlanState(server.serverUrl, plans[0]);
      await pool.disconnect();
      await sleep(this.options.afterLeaveWaitMs);
      const after = server.usage();
      const run: ManyPlansRun = {
        plans: planCount,
        clients: planCount * clientsPerPlan,
        failed: connected.failed,
        connectToSyncedMs: summarizeLatencies(connected.syncMs),
        planStateBytes,
        rssBaselineMiB: rssBaseline / 1024 ** 2,
        rssOpenMiB: open.rssBytes / 1024 ** 2,
        peakRssMiB: open.peakRssBytes / 1024 ** 2,
        rssAfterLeaveMiB: after.rssBytes / 1024 ** 2,
        kibPerOpenPlan: (open.rssBytes - rssBaseline) / 1024 / planCount,
      };
      context.log(`many-plans (${target.name}): p99 ${run.connectToSyncedMs.p99.toFixed(0)} ms, ${run.kibPerOpenPlan.toFixed(0)} KiB per plan`);
      return {
        scenario: this.name,
        server: target.name,
        tables: [
          {
            title: `${planCount} plans × ${clientsPerPlan} clients (${target.name})`,
            columns: ['clients', 'not synced', 'connect→synced p50 ms', 'p99 ms', 'max ms', 'plan state bytes', 'RSS MiB before', 'RSS MiB open', 'KiB per open plan', 'RSS MiB after all left'],
            rows: [[run.clients, run.failed, run.connectToSyncedMs.p50, run.connectToSyncedMs.p99, run.connectToSyncedMs.max, run.planStateBytes, run.rssBaselineMiB, run.rssOpenMiB, run.kibPerOpenPlan, run.rssAfterLeaveMiB]],
          },
        ],
        data: { options: this.options, run },
      };
    } finally {
      await pool.stop();
      await server.kill();
      await dataDir.remove();
    }
  }
}

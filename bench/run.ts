import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanEditorTarget } from './lib/PlanEditorTarget.js';
import { describeMachine } from './lib/describeMachine.js';
import { formatTable } from './lib/ResultTable.js';
import type { HarnessCheck, Scenario, ScenarioResult } from './lib/Scenario.js';
import { buildBenchProcesses } from './lib/benchBuild.js';
import type { ServerTarget } from './lib/ServerTarget.js';
import { FanOutScenario } from './scenarios/FanOutScenario.js';
import { ColdLoadScenario } from './scenarios/ColdLoadScenario.js';
import { KillDurabilityScenario } from './scenarios/KillDurabilityScenario.js';
import { ManyPlansScenario } from './scenarios/ManyPlansScenario.js';
import { StartScenario } from './scenarios/StartScenario.js';
import { PeerServerTarget } from './lib/PeerServerTarget.js';
import { PlanEditorClusterTarget } from './lib/PlanEditorClusterTarget.js';
import type { ResultTable } from './lib/ResultTable.js';

/** The whole run must end by itself; this is the last line of defence. */
const RUN_TIMEOUT_MS = 25 * 60_000;
const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

const ours = new PlanEditorTarget();
const targets: ServerTarget[] = [
  ours,
  new PeerServerTarget({
    name: 'hocuspocus',
    script: 'hocuspocusServer.ts',
    framing: 'hocuspocus',
    // Stores 2 s after the last change (at most every 10 s); 3 s lets a finished burst land.
    capabilities: { isDurable: true, servesState: true, settleMs: 3_000 },
  }),
  new PeerServerTarget({
    name: 'y-websocket-server',
    script: 'yWebsocketServer.ts',
    framing: 'y-websocket',
    capabilities: { isDurable: false, servesState: true, settleMs: 0 },
  }),
  // Issue 16: the cost of PostgreSQL + the Redis feed (one instance) and of crossing instances (two).
  new PlanEditorClusterTarget({ name: 'plan-editor-postgres', instances: 1 }),
  new PlanEditorClusterTarget({ name: 'plan-editor-2-instances', instances: 2 }),
  new PeerServerTarget({
    name: 'relay',
    script: 'relayServer.ts',
    framing: 'y-websocket',
    capabilities: { isDurable: false, servesState: false, settleMs: 0 },
  }),
];
const scenarios: Scenario[] = [
  // First: its first start must be the build's first (the plan editor writes its code cache then).
  new StartScenario({
    starts: 5,
    // BENCH_STORED_PLANS=0 shows the restart without plans; the default is issue 14's 2,000.
    storedPlans: Number(process.env.BENCH_STORED_PLANS ?? 2000),
    idleAfterMs: 1_000,
    firstStartLifetimeMs: 5_000,
  }),
  new FanOutScenario({
    // BENCH_FANOUT_CLIENTS=200,1000 narrows the sweep while profiling.
    clientCounts: (process.env.BENCH_FANOUT_CLIENTS ?? '50,200,500,1000').split(',').map(Number),     probes: 4,
    editsPerSecond: 2,
    durationMs: 6_000,
    drainTimeoutMs: 15_000,
  }),
  // BENCH_MANY_PLANS=500 for the smaller run of earlier reports; issue 14 item 5 asks for 2,000.
  new ManyPlansScenario({ plans: Number(process.env.BENCH_MANY_PLANS ?? 2000), clientsPerPlan: 2, unloadDelayMs: 2_000, afterLeaveWaitMs: 10_000 }),
  new ColdLoadScenario({ targetUpdateBytes: 1.27e6, repetitions: 5 }),
  new KillDurabilityScenario({
    writers: 2,
    cases: [
      { updates: 200, killAtFraction: 1 },
      { updates: 1000, killAtFraction: 1 },
      { updates: 3000, killAtFraction: 1 },
      { updates: 3000, killAtFraction: 0.5, pacing: { updatesPerBurst: 5, burstIntervalMs: 10 } },
    ],
  }),
];

async function main(): Promise<void> {
  // `npm run bench -- fan-out cold-load hocuspocus` runs only the named scenarios against the named targets.
  const selected = process.argv.slice(2);
  const unknown = selected.filter((name) => !scenarios.some((scenario) => scenario.name === name) && !targets.some((target) => target.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown name ${unknown.join(', ')}; scenarios: ${scenarios.map((scenario) => scenario.name).join(', ')}; targets: ${targets.map((target) => target.name).join(', ')}`,
    );
  }
  const selectedScenarios = scenarios.filter((scenario) => selected.includes(scenario.name));
  const selectedTargets = targets.filter((target) => selected.includes(target.name));
  const toRun = selectedScenarios.length === 0 ? scenarios : selectedScenarios;
  const targetsToRun = selectedTargets.length === 0 ? targets : selectedTargets;
  const machine = describeMachine();
  const startedAt = new Date();
  const log = (message: string): void => console.error(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s] ${message}`);
  log(`node ${machine.node}, ${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, ${machine.platform} ${machine.kernel}`);
  // Every server and the light clients run as plain JavaScript, the plan editor as `npm start` builds it.
  const buildStartedAt = performance.now();
  await buildBenchProcesses();
  log(`built the servers and light clients into dist/bench in ${((performance.now() - buildStartedAt) / 1000).toFixed(1)} s`);

  const results: (ScenarioResult & { loadAverage1m: { before: number; after: number } })[] = [];
  const comparisons: ResultTable[] = [];
  const harnessChecks: HarnessCheck[] = [];
  // Scenario by scenario, every target in turn, so that the numbers compared were taken close in time.
  for (const scenario of toRun) {
    const scenarioResults: ScenarioResult[] = [];
    for (const target of targetsToRun) {
      if (target.scenarios !== undefined && !target.scenarios.includes(scenario.name)) continue;
      if (scenario.needsDurableServer && !target.capabilities.isDurable) {
        log(`${scenario.name}: skipped for ${target.name} (keeps documents in memory only)`);
        continue;
      }
      try {
        // Other processes on the machine skew every number; record how busy it was.
        const before = os.loadavg()[0] ?? 0;
        const result = await scenario.run({ target, log });
        results.push({ ...result, loadAverage1m: { before, after: os.loadavg()[0] ?? 0 } });
        scenarioResults.push(result);
      } catch (error) {
        // One target failing (a peer that cannot keep up) must not lose the others' numbers.
        log(`${scenario.name} failed for ${target.name}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await target.killAll();
      }
    }
    if (scenario.checkHarness && scenarioResults.length > 0) {
      const check = scenario.checkHarness(scenarioResults);
      harnessChecks.push(check);
      log(`${scenario.name}: ${check.summary}`);
      if (scenarioResults.length === 1) comparisons.push(check.table);
    }
    if (scenario.compare && scenarioResults.length > 1) comparisons.push(...scenario.compare(scenarioResults, ours.name));
  }

  const output = [
    `## Benchmark ${startedAt.toISOString()}`,
    '',
    `Node ${machine.node}, ${machine.cpuCount} CPU cores (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB RAM, ${machine.platform}, kernel ${machine.kernel}`,
    '',
    ...results.flatMap((result) => [
      ...result.tables.map((table) => formatTable(table)),
      `\nLoad average (1 min) before/after: ${result.loadAverage1m.before.toFixed(2)} / ${result.loadAverage1m.after.toFixed(2)} on ${machine.cpuCount} cores\n`,
    ]),
    ...(comparisons.length > 0 ? ['## Side by side', '', ...comparisons.map((table) => `${formatTable(table)}\n`)] : []),
    ...harnessChecks.map((check) => `**${check.scenario}: ${check.summary}**\n`),
  ].join('\n');
  console.log(output);

  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), machine, harnessChecks, isHarnessSaturated: harnessChecks.some((check) => check.isSaturated), results, comparisons }, null, 2)}\n`);
  log(`results written to ${path.relative(process.cwd(), file)}`);
  await shutDownTargets();
}

/** Kills every server still running and stops what targets keep across starts (PostgreSQL, Redis). */
function shutDownTargets(): Promise<unknown> {
  return Promise.all(targets.map(async (target) => {
    await target.killAll();
    await target.close?.();
  }));
}

// Every WebsocketProvider adds a process 'exit' listener; 50+ clients are expected here.
process.setMaxListeners(0);

const watchdog = setTimeout(() => {
  console.error(`benchmark did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes; killing the servers`);
  void shutDownTargets().finally(() => process.exit(2));
}, RUN_TIMEOUT_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void shutDownTargets().finally(() => process.exit(130));
  });
}

main().then(
  // Providers and timers of failed runs must not keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void shutDownTargets().finally(() => process.exit(1));
  },
);

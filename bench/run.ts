import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanEditorTarget } from './lib/PlanEditorTarget.js';
import { describeMachine } from './lib/describeMachine.js';
import { formatTable } from './lib/ResultTable.js';
import type { Scenario, ScenarioResult } from './lib/Scenario.js';
import type { ServerTarget } from './lib/ServerTarget.js';
import { FanOutScenario } from './scenarios/FanOutScenario.js';
import { ColdLoadScenario } from './scenarios/ColdLoadScenario.js';
import { KillDurabilityScenario } from './scenarios/KillDurabilityScenario.js';

/** The whole run must end by itself; this is the last line of defence. */
const RUN_TIMEOUT_MS = 6 * 60_000;
const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

const targets: ServerTarget[] = [new PlanEditorTarget()];
const scenarios: Scenario[] = [
  new FanOutScenario({ clientCounts: [10, 50], editsPerSecond: 2, durationMs: 10_000 }),
  new ColdLoadScenario({ targetUpdateBytes: 1.1 * 1024 ** 2, repetitions: 5 }),
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
  // `npm run bench -- fan-out cold-load` runs only the named scenarios.
  const selected = process.argv.slice(2);
  const unknown = selected.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((scenario) => scenario.name).join(', ')}`);
  }
  const toRun = selected.length === 0 ? scenarios : scenarios.filter((scenario) => selected.includes(scenario.name));
  const machine = describeMachine();
  const startedAt = new Date();
  const log = (message: string): void => console.error(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s] ${message}`);
  log(`node ${machine.node}, ${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, ${machine.platform} ${machine.kernel}`);

  const results: (ScenarioResult & { loadAverage1m: { before: number; after: number } })[] = [];
  for (const target of targets) {
    for (const scenario of toRun) {
      if (scenario.needsDurableServer && !target.capabilities.isDurable) {
        log(`${scenario.name}: skipped for ${target.name} (keeps documents in memory only)`);
        continue;
      }
      try {
        // Other processes on the machine skew every number; record how busy it was.
        const before = os.loadavg()[0] ?? 0;
        const result = await scenario.run({ target, log });
        results.push({ ...result, loadAverage1m: { before, after: os.loadavg()[0] ?? 0 } });
      } finally {
        await target.killAll();
      }
    }
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
  ].join('\n');
  console.log(output);

  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), machine, results }, null, 2)}\n`);
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

// Every WebsocketProvider adds a process 'exit' listener; 50+ clients are expected here.
process.setMaxListeners(0);

const watchdog = setTimeout(() => {
  console.error(`benchmark did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes; killing the servers`);
  void Promise.all(targets.map((target) => target.killAll())).finally(() => process.exit(2));
}, RUN_TIMEOUT_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all(targets.map((target) => target.killAll())).finally(() => process.exit(130));
  });
}

main().then(
  // Providers and timers of failed runs must not keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void Promise.all(targets.map((target) => target.killAll())).finally(() => process.exit(1));
  },
);

import type { Cell } from '../lib/ResultTable.js';
import type { HarnessCheck, ScenarioResult } from '../lib/Scenario.js';
import type { FanOutRun } from './FanOutScenario.js';

/** The target that forwards bytes without Yjs: no Yjs server can legitimately beat it. */
export const RELAY_TARGET = 'relay';
/** Up to this many clients a byte relay keeps up easily on this machine, so it must be the fastest. */
export const GATE_MAX_CLIENTS = 200;
/** A harness process above this share of one core is flagged: it may be what limits the run. */
export const HARNESS_CPU_LIMIT_PERCENT = 50;

/**
 * The sanity gate of the fan-out scenario. A relay that only forwards frames
 * cannot be slower than a server that also integrates every update into a
 * Y.Doc; if it is (probe p99 at N ≤ 200, or it did not deliver everything),
 * the clients or their process were the bottleneck for servers that send many
 * frames, and the ratios between targets measure the harness. Runs whose
 * light-client or probe process passed half a core are listed too.
 */
export function checkFanOutHarness(results: ScenarioResult[]): HarnessCheck {
  const runsOf = (result: ScenarioResult): FanOutRun[] => (result.data as { runs: FanOutRun[] }).runs;
  const relay = results.find((result) => result.server === RELAY_TARGET);
  const yjsServers = results.filter((result) => result !== relay);
  const busyRuns = results.flatMap((result) =>
    runsOf(result)
      .filter((run) => run.harnessWarnings.length > 0)
      .map((run) => `${result.server} at ${run.clients} clients: ${run.harnessWarnings.join(', ')}`),
  );
  const busyNote = busyRuns.length > 0 ? `harness processes over ${HARNESS_CPU_LIMIT_PERCENT} % of a core: ${busyRuns.join('; ')}` : `no harness process over ${HARNESS_CPU_LIMIT_PERCENT} % of a core`;
  const title = `Fan-out sanity gate: at N ≤ ${GATE_MAX_CLIENTS} the ${RELAY_TARGET} must have the lowest probe p99`;
  if (relay === undefined || yjsServers.length === 0) {
    const summary = `sanity gate NOT CHECKED: it needs the ${RELAY_TARGET} and at least one Yjs server in the same run`;
    return { scenario: 'fan-out', isChecked: false, isSaturated: false, summary, table: { title, columns: ['verdict'], rows: [[summary]], notes: [busyNote] } };
  }
  const gatedCounts = runsOf(relay)
    .map((run) => run.clients)
    .filter((clients) => clients <= GATE_MAX_CLIENTS)
    .sort((a, b) => a - b);
  const failures: string[] = [];
  let isChecked = gatedCounts.length > 0;
  const rows: Cell[][] = gatedCounts.map((clients) => {
    const relayRun = runsOf(relay).find((run) => run.clients === clients) as FanOutRun;
    const relayP99 = relayRun.editsSent === 0 ? NaN : relayRun.latencyMs.p99;
    const slower = yjsServers.filter((result) => {
      const run = runsOf(result).find((candidate) => candidate.clients === clients);
      return run !== undefined && run.editsSent > 0 && run.latencyMs.p99 < relayP99;
    });
    let verdict = 'ok';
    if (!Number.isFinite(relayP99)) {
      verdict = `not checked: the ${RELAY_TARGET} run failed`;
      isChecked = false;
    } else if (!relayRun.isConverged) {
      verdict = `SATURATED: the ${RELAY_TARGET} did not deliver every edit`;
      failures.push(`${clients} clients: the ${RELAY_TARGET} did not deliver every edit`);
    } else if (slower.length > 0) {
      verdict = `SATURATED: the ${RELAY_TARGET} is slower than ${slower.map((result) => result.server).join(', ')}`;
      failures.push(`${clients} clients: ${RELAY_TARGET} p99 ${relayP99.toFixed(1)} ms is above ${slower.map((result) => result.server).join(', ')}`);
    }
    return [
      clients,
      relayP99,
      ...yjsServers.map((result) => {
        const run = runsOf(result).find((candidate) => candidate.clients === clients);
        return run === undefined || run.editsSent === 0 ? null : run.latencyMs.p99;
      }),
      verdict,
    ];
  });
  const isSaturated = failures.length > 0;
  const summary = isSaturated
    ? `HARNESS SATURATED, the peer ratios of this run are VOID (${failures.join('; ')})`
    : isChecked
      ? `sanity gate passed: the ${RELAY_TARGET} had the lowest probe p99 at every N ≤ ${GATE_MAX_CLIENTS}`
      : `sanity gate NOT CHECKED: no usable ${RELAY_TARGET} run at N ≤ ${GATE_MAX_CLIENTS}, so the peer ratios of this run are unverified`;
  return {
    scenario: 'fan-out',
    isChecked,
    isSaturated,
    summary,
    table: {
      title,
      columns: ['clients', `${RELAY_TARGET} p99 ms`, ...yjsServers.map((result) => `${result.server} p99 ms`), 'verdict'],
      rows: rows.length > 0 ? rows : [[null, null, ...yjsServers.map(() => null), summary]],
      notes: [summary, busyNote],
    },
  };
}

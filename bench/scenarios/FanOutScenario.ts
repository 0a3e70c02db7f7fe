import * as Y from 'yjs';
import { connectBenchClient, whenSynced, type BenchClient } from '../lib/connectBenchClient.js';
import { LightClientPool } from '../lib/LightClientPool.js';
import { LIGHT_EDITS_FIELD } from '../lib/lightClientMessages.js';
import { preciseNow } from '../lib/preciseNow.js';
import { summarizeLatencies, type LatencySummary } from '../lib/summarizeLatencies.js';
import { temporaryDataDir } from '../lib/temporaryDataDir.js';
import { waitUntil } from '../lib/waitUntil.js';
import type { HarnessCheck, Scenario, ScenarioContext, ScenarioResult } from '../lib/Scenario.js';
import type { Cell, ResultTable } from '../lib/ResultTable.js';
import { ratio } from '../lib/ratio.js';
import type { PlanHandle } from '../lib/ServerTarget.js';
import { checkFanOutHarness, HARNESS_CPU_LIMIT_PERCENT } from './checkFanOutHarness.js';

export interface FanOutOptions {
  clientCounts: number[];
  /** Full Y.Doc clients in the bench process that measure latency; the rest are light clients. */
  probes: number;
  editsPerSecond: number;
  durationMs: number;
  /** After the last edit, how long the probes may take to receive everything. */
  drainTimeoutMs: number;
}

export interface FanOutRun {
  clients: number;
  probes: number;
  editsSent: number;
  /** Every edit delivered to every other client: edits × (clients − 1). */
  deliveriesExpected: number;
  /** Share of the expected edits the probes received; deliveries are estimated from it. */
  probeReceivedShare: number;
  latencyMs: LatencySummary;
  /** From the last edit sent until the probes held every edit (null: they never did). */
  drainMs: number | null;
  serverCpuMs: number;
  serverCpuMsPer1000Deliveries: number;
  serverCpuPercent: number;
  serverPeakRssMiB: number;
  /** CPU of the light-client process in the window (utime + stime from /proc), % of one core. */
  lightProcessCpuPercent: number;
  /** CPU of the bench process (the probes' Y.Docs) in the window, % of one core. */
  benchProcessCpuPercent: number;
  /** Why this run's numbers may measure the harness rather than the server (empty: none). */
  harnessWarnings: string[];
  /** Bytes each light client received in the window, averaged. */
  lightKiBReceivedPerClient: number;
  lightFramesReceivedPerClient: number;
  isConverged: boolean;
}

/** Name of the Y.Map where each probe edit leaves its send time, keyed `${clientID}:${seq}`. */
const SEND_TIMES_FIELD = 'bench';

/**
 * N clients on one plan, each sending `editsPerSecond` edits. A few are full
 * Y.Doc clients (probes) in the bench process; the others are light clients
 * in their own process that send real Yjs updates but only count what they
 * receive, so the server, not N Y.Docs on two cores, is what saturates. Every
 * edit carries its send time; probes record receive − send for every edit
 * from any other client.
 */
export class FanOutScenario implements Scenario {
  readonly needsDurableServer = false;
  readonly name = 'fan-out';

  constructor(private readonly options: FanOutOptions) {}

  compare(results: ScenarioResult[], ours: string): ResultTable[] {
    return compareFanOut(results, ours, checkFanOutHarness(results));
  }

  checkHarness(results: ScenarioResult[]): HarnessCheck {
    return checkFanOutHarness(results);
  }

  async run(context: ScenarioContext): Promise<ScenarioResult> {
    const runs: FanOutRun[] = [];
    for (const clients of this.options.clientCounts) {
      context.log(`fan-out (${context.target.name}): ${clients} clients, ${this.options.editsPerSecond} edits/s each for ${this.options.durationMs / 1000} s`);
      let run: FanOutRun;
      try {
        run = await this.runOnce(context, clients);
      } catch (error) {
        // A server that cannot even sync the probes at this size: record it, keep the other sizes.
        context.log(`fan-out (${context.target.name}) ${clients}: failed: ${error instanceof Error ? error.message : String(error)}`);
        run = failedRun(clients, this.options.probes);
      }
      context.log(
        `fan-out (${context.target.name}) ${clients}: p50 ${run.latencyMs.p50.toFixed(1)} ms, p99 ${run.latencyMs.p99.toFixed(1)} ms, ` +
          `CPU ${run.serverCpuMsPer1000Deliveries.toFixed(2)} ms/1k, converged ${run.isConverged}, ` +
          `light-client process ${run.lightProcessCpuPercent.toFixed(0)} % of a core, bench process ${run.benchProcessCpuPercent.toFixed(0)} %` +
          (run.harnessWarnings.length > 0 ? ` — HARNESS: ${run.harnessWarnings.join('; ')}` : ''),
      );
      runs.push(run);
    }
    const rows: Cell[][] = runs.map((run) => [
      run.clients,
      run.editsSent,
      run.latencyMs.p50,
      run.latencyMs.p99,
      run.latencyMs.max,
      run.drainMs,
      run.serverCpuMsPer1000Deliveries,
      run.serverCpuPercent,
      run.serverPeakRssMiB,
      run.lightFramesReceivedPerClient,
      run.lightKiBReceivedPerClient,
      run.lightProcessCpuPercent,
      run.benchProcessCpuPercent,
      run.isConverged,
      run.harnessWarnings.length > 0 ? run.harnessWarnings.join('; ') : 'ok',
    ]);
    return {
      scenario: this.name,
      server: context.target.name,
      tables: [
        {
          title: `Fan-out (${context.target.name}): ${this.options.editsPerSecond} edits/s per client for ${this.options.durationMs / 1000} s, ${this.options.probes} probes`,
          columns: [
            'clients',
            'edits sent',
            'p50 ms',
            'p99 ms',
            'max ms',
            'drain ms',
            'server CPU ms / 1k deliveries',
            'server CPU %',
            'server peak RSS MiB',
            'frames / light client',
            'KiB / light client',
            'light process CPU %',
            'bench process CPU %',
            'converged',
            'harness',
          ],
          rows,
          notes: [
            `light process = the light clients' own process (raw TCP, frame headers only), CPU from /proc in the window; bench process = the probes; either over ${HARNESS_CPU_LIMIT_PERCENT} % of a core is flagged under "harness"`,
          ],
        },
      ],
      data: { options: this.options, runs },
    };
  }

  private async runOnce(context: ScenarioContext, clientCount: number): Promise<FanOutRun> {
    const { target } = context;
    const dataDir = await temporaryDataDir('fan-out');
    const server = await target.start({ dataDir: dataDir.path });
    const probes: BenchClient[] = [];
    const pool = LightClientPool.start();
    try {
      const plan = await server.createPlan(`Fan-out ${clientCount}`);
      const probeCount = Math.min(this.options.probes, clientCount);
      // Several instances: probes and light clients alternate between them, so most deliveries cross.
      const urls = server.serverUrls ?? [server.serverUrl];
      for (let index = 0; index < probeCount; index++) {
        probes.push(connectBenchClient(urls[index % urls.length] ?? server.serverUrl, plan, { name: `Sonda ${index + 1}` }));
      }
      await Promise.all(probes.map((probe) => whenSynced(probe)));
      const lightCount = clientCount - probeCount;
      for (const [index, url] of urls.entries()) {
        const share = Math.floor(lightCount / urls.length) + (index < lightCount % urls.length ? 1 : 0);
        const connected = await pool.connect(url, plan.framing, [{ planId: plan.planId, headers: plan.headers, clients: share }]);
        if (connected.failed > 0) throw new Error(`${connected.failed} of ${share} light clients did not sync on ${url}`);
      }
      const editsPerClient = Math.max(1, Math.round((this.options.durationMs / 1000) * this.options.editsPerSecond));
      await pool.prepareEdits(editsPerClient);

      // Each probe types into a paragraph of its own, created before measuring (after any template blocks).
      const initialBlocks = probes[0]?.content.length ?? 0;
      const ownTexts = probes.map((probe) => {
        const text = new Y.XmlText(`${probe.name}:`);
        probe.doc.transact(() => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [text]);
          probe.content.insert(probe.content.length, [paragraph]);
        });
        return text;
      });
      await waitUntil(() => probes.every((probe) => probe.content.length === initialBlocks + probeCount), {
        timeoutMs: 20_000,
        message: 'setup paragraphs did not reach every probe',
      });

      const latencies: number[] = [];
      const received = probes.map(() => 0);
      let lastReceiveAt = 0;
      probes.forEach((probe, index) => {
        const sendTimes = probe.doc.getMap<number>(SEND_TIMES_FIELD);
        sendTimes.observe((event) => {
          if (event.transaction.local) return;
          const receivedAt = preciseNow();
          for (const key of event.keysChanged) {
            const sentAt = sendTimes.get(key);
            if (sentAt === undefined) continue;
            latencies.push(receivedAt - sentAt);
            received[index] = (received[index] ?? 0) + 1;
          }
          lastReceiveAt = receivedAt;
        });
        const lightEdits = probe.doc.getMap<number>(LIGHT_EDITS_FIELD);
        lightEdits.observe((event) => {
          const receivedAt = preciseNow();
          for (const key of event.keysChanged) {
            const sentAt = lightEdits.get(key);
            if (sentAt === undefined) continue;
            latencies.push(receivedAt - sentAt);
            received[index] = (received[index] ?? 0) + 1;
          }
          lastReceiveAt = receivedAt;
        });
      });

      const intervalMs = 1000 / this.options.editsPerSecond;
      const totalEdits = clientCount * editsPerClient;
      // A probe receives every edit except its own.
      const expectedPerProbe = totalEdits - editsPerClient;
      const hasPeakWindow = server.resetPeakRss();
      const usageBefore = server.usage();
      const lightBefore = await pool.stats();
      const lightCpuBefore = pool.cpuMs();
      const benchCpuBefore = process.cpuUsage();
      const windowStart = performance.now();
      const probeWriters = probes.map(
        (probe, index) =>
          new Promise<void>((resolve) => {
            let sequence = 0;
            let timer: NodeJS.Timeout | undefined;
            const edit = (): void => {
              const sentAt = preciseNow();
              const text = ownTexts[index] as Y.XmlText;
              probe.doc.transact(() => {
                text.insert(text.length, ` słowo${sequence}`);
                probe.doc.getMap<number>(SEND_TIMES_FIELD).set(`${probe.doc.clientID}:${sequence}`, sentAt);
              });
              sequence++;
              if (sequence >= editsPerClient) {
                clearInterval(timer);
                resolve();
              }
            };
            setTimeout(() => {
              edit();
              if (sequence < editsPerClient) timer = setInterval(edit, intervalMs);
            }, Math.random() * intervalMs);
          }),
      );
      const [lightEdits] = await Promise.all([pool.edit(this.options.editsPerSecond, editsPerClient), ...probeWriters]);
      const lastSendAt = preciseNow();
      const editsSent = (lightEdits as number) + probeCount * editsPerClient;
      const allReceived = (): boolean => received.every((count) => count >= expectedPerProbe);
      await waitUntil(allReceived, { timeoutMs: this.options.drainTimeoutMs, message: 'probes' }).catch(() => undefined);
      const isDrained = allReceived();
      const windowMs = performance.now() - windowStart;
      const usageAfter = server.usage();
      const lightCpuAfter = pool.cpuMs();
      const lightAfter = await pool.stats();
      const benchCpu = process.cpuUsage(benchCpuBefore);

      const probeReceivedShare = received.reduce((sum, count) => sum + count, 0) / (expectedPerProbe * probeCount);
      const deliveriesExpected = totalEdits * (clientCount - 1);
      const deliveries = deliveriesExpected * Math.min(1, probeReceivedShare);
      const isConverged = isDrained && (await checkConvergence(probes, server.serverUrl, plan, target.capabilities.servesState));
      const serverCpuMs = usageAfter.cpuMs - usageBefore.cpuMs;
      const lightReceivers = Math.max(1, lightCount);
      const lightProcessCpuPercent = ((lightCpuAfter - lightCpuBefore) / windowMs) * 100;
      const benchProcessCpuPercent = ((benchCpu.user + benchCpu.system) / 1000 / windowMs) * 100;
      return {
        clients: clientCount,
        probes: probeCount,
        editsSent,
        deliveriesExpected,
        probeReceivedShare,
        latencyMs: summarizeLatencies(latencies),
        drainMs: isDrained ? Math.max(0, lastReceiveAt - lastSendAt) : null,
        serverCpuMs,
        serverCpuMsPer1000Deliveries: (serverCpuMs / deliveries) * 1000,
        serverCpuPercent: (serverCpuMs / windowMs) * 100,
        serverPeakRssMiB: (hasPeakWindow ? usageAfter.peakRssBytes : usageAfter.rssBytes) / 1024 ** 2,
        lightProcessCpuPercent,
        benchProcessCpuPercent,
        harnessWarnings: [
          ...(lightProcessCpuPercent > HARNESS_CPU_LIMIT_PERCENT ? [`light-client process at ${lightProcessCpuPercent.toFixed(0)} % of a core`] : []),
          ...(benchProcessCpuPercent > HARNESS_CPU_LIMIT_PERCENT ? [`bench (probe) process at ${benchProcessCpuPercent.toFixed(0)} % of a core`] : []),
        ],
        lightKiBReceivedPerClient: (lightAfter.bytesReceived - lightBefore.bytesReceived) / 1024 / lightReceivers,
        lightFramesReceivedPerClient: (lightAfter.framesReceived - lightBefore.framesReceived) / lightReceivers,
        isConverged,
      };
    } finally {
      for (const probe of probes) probe.destroy();
      await pool.stop();
      // A profiled server writes its profile only when it exits by itself (SIGTERM), not when killed.
      const isProfiled = [process.env.BENCH_SERVER_NODE_ARGS, process.env.BENCH_PEER_NODE_ARGS].some((args) => args?.includes('--cpu-prof'));
      if (isProfiled) await server.stop().catch(() => server.kill());
      else await server.kill();
      await dataDir.remove();
    }
  }
}

function failedRun(clients: number, probes: number): FanOutRun {
  return {
    clients,
    probes,
    editsSent: 0,
    deliveriesExpected: 0,
    probeReceivedShare: 0,
    latencyMs: summarizeLatencies([]),
    drainMs: null,
    serverCpuMs: NaN,
    serverCpuMsPer1000Deliveries: NaN,
    serverCpuPercent: NaN,
    serverPeakRssMiB: NaN,
    lightProcessCpuPercent: NaN,
    benchProcessCpuPercent: NaN,
    harnessWarnings: [],
    lightKiBReceivedPerClient: NaN,
    lightFramesReceivedPerClient: NaN,
    isConverged: false,
  };
}

/**
 * Every probe holds the same state, and so does a client that joins
 * afterwards (where the server keeps state; the relay has none to give).
 */
async function checkConvergence(probes: BenchClient[], serverUrl: string, plan: PlanHandle, servesState: boolean): Promise<boolean> {
  const expected = stateOf(probes[0]);
  if (!probes.every((probe) => stateOf(probe) === expected)) return false;
  if (!servesState) return true;
  const fresh = connectBenchClient(serverUrl, plan, { name: 'Kontrola' });
  try {
    await whenSynced(fresh, 30_000);
    // A server may send its state in several frames; give the tail a moment.
    await waitUntil(() => stateOf(fresh) === expected, { timeoutMs: 10_000, message: 'fresh client' }).catch(() => undefined);
    return stateOf(fresh) === expected;
  } catch {
    return false;
  } finally {
    fresh.destroy();
  }
}

function stateOf(client: BenchClient | undefined): string {
  if (client === undefined) return '';
  return `${Y.encodeStateVector(client.doc).join(',')}|${JSON.stringify(client.content.toJSON())}|${client.doc.getMap(SEND_TIMES_FIELD).size}|${client.doc.getMap(LIGHT_EDITS_FIELD).size}`;
}

/** Per client count: each target's p99, CPU per 1k deliveries and convergence, and ours as ratios. */
export function compareFanOut(results: ScenarioResult[], ours: string, harness: HarnessCheck): ResultTable[] {
  const runsOf = (result: ScenarioResult): FanOutRun[] => (result.data as { runs: FanOutRun[] }).runs;
  const own = results.find((result) => result.server === ours);
  const peers = results.filter((result) => result !== own);
  const counts = [...new Set(results.flatMap((result) => runsOf(result).map((run) => run.clients)))].sort((a, b) => a - b);
  const find = (result: ScenarioResult | undefined, clients: number): FanOutRun | undefined =>
    result ? runsOf(result).find((run) => run.clients === clients) : undefined;
  const metricTable = (title: string, pick: (run: FanOutRun) => number | null, showConverged: boolean): ResultTable => ({
    title,
    columns: ['clients', ...results.map((result) => result.server), ...peers.map((peer) => `${ours} ÷ ${peer.server}`)],
    rows: counts.map((clients) => {
      const cell = (result: ScenarioResult): Cell => {
        const run = find(result, clients);
        if (run === undefined) return null;
        const value = pick(run);
        if (value === null) return null;
        if (!Number.isFinite(value)) return run.editsSent === 0 ? 'failed' : null;
        const shown = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
        return showConverged && !run.isConverged ? `${shown} (not converged)` : shown;
      };
      const ownRun = find(own, clients);
      return [
        clients,
        ...results.map(cell),
        ...peers.map((peer) => {
          const peerRun = find(peer, clients);
          return ratio(ownRun ? pick(ownRun) : null, peerRun ? pick(peerRun) : null);
        }),
      ];
    }),
  });
  // A saturated harness voids every ratio of the run, so each table says so, not only the gate.
  const voided = (table: ResultTable): ResultTable =>
    harness.isSaturated ? { ...table, title: `${table.title} — VOID: harness saturated`, notes: [...(table.notes ?? []), harness.summary] } : table;
  return [
    harness.table,
    ...[
      metricTable('Fan-out side by side: probe p99 latency, ms', (run) => run.latencyMs.p99, true),
      metricTable('Fan-out side by side: probe p50 latency, ms', (run) => run.latencyMs.p50, false),
      metricTable('Fan-out side by side: server CPU ms per 1,000 delivered updates', (run) => run.serverCpuMsPer1000Deliveries, true),
      metricTable('Fan-out side by side: server peak RSS, MiB', (run) => run.serverPeakRssMiB, false),
      metricTable('Fan-out side by side: light-client process CPU, % of one core', (run) => run.lightProcessCpuPercent, false),
    ].map(voided),
  ];
}

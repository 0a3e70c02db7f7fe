import * as Y from 'yjs';
import { connectBenchClient, whenSynced, type BenchClient } from '../lib/connectBenchClient.js';
import { preciseNow } from '../lib/preciseNow.js';
import { summarizeLatencies, type LatencySummary } from '../lib/summarizeLatencies.js';
import { temporaryDataDir } from '../lib/temporaryDataDir.js';
import { waitUntil } from '../lib/waitUntil.js';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/Scenario.js';
import type { Cell } from '../lib/ResultTable.js';
import type { PlanHandle } from '../lib/ServerTarget.js';

export interface FanOutOptions {
  clientCounts: number[];
  editsPerSecond: number;
  durationMs: number;
}

export interface FanOutRun {
  clients: number;
  editsSent: number;
  deliveriesExpected: number;
  deliveries: number;
  latencyMs: LatencySummary;
  deliveriesPerSecond: number;
  serverCpuMs: number;
  serverCpuMsPer1000Deliveries: number;
  serverCpuPercent: number;
  /** Peak RSS during the edit window, or over the whole process life where it cannot be reset. */
  serverPeakRssMiB: number;
  isPeakRssOfWindow: boolean;
  benchProcessCpuPercent: number;
  isConverged: boolean;
  serverExitCode: number | null;
}

/** Name of the Y.Map where each edit leaves its send time, keyed `${clientID}:${seq}`. */
const SEND_TIMES_FIELD = 'bench';

/**
 * N real providers on one plan, each typing a word into its own paragraph at a
 * fixed rate. Every edit also stamps its send time in a Y.Map in the same
 * transaction; every other client records receive time − send time.
 */
export class FanOutScenario implements Scenario {
  readonly needsDurableServer = false;
  readonly name = 'fan-out';

  constructor(private readonly options: FanOutOptions) {}

  async run(context: ScenarioContext): Promise<ScenarioResult> {
    const runs: FanOutRun[] = [];
    for (const clients of this.options.clientCounts) {
      context.log(`fan-out: ${clients} clients, ${this.options.editsPerSecond} edits/s each for ${this.options.durationMs / 1000} s`);
      runs.push(await this.runOnce(context, clients));
    }
    const rows: Cell[][] = runs.map((run) => [
      run.clients,
      run.editsSent,
      `${run.deliveries}/${run.deliveriesExpected}`,
      run.latencyMs.p50,
      run.latencyMs.p99,
      run.latencyMs.max,
      run.deliveriesPerSecond,
      run.serverCpuMsPer1000Deliveries,
      run.serverCpuPercent,
      run.serverPeakRssMiB,
      run.benchProcessCpuPercent,
      run.isConverged,
    ]);
    return {
      scenario: this.name,
      server: context.target.name,
      tables: [
        {
          title: `Fan-out (${context.target.name}): ${this.options.editsPerSecond} edits/s per client, ${this.options.durationMs / 1000} s`,
          columns: [
            'clients',
            'edits sent',
            'deliveries',
            'p50 ms',
            'p99 ms',
            'max ms',
            'deliveries/s',
            'server CPU ms / 1k deliveries',
            'server CPU %',
            'server peak RSS MiB',
            'client process CPU %',
            'converged',
          ],
          rows,
          notes: [
            'latency = receive time − send time of each edit at every other client (all clients in the bench process)',
            'server peak RSS is over the edit window (VmHWM reset after setup), so it excludes startup and the scrypt of account registration',
            'server CPU % is of one core over the edit window; client process CPU % shows whether the clients themselves were the bottleneck',
          ],
        },
      ],
      data: { options: this.options, runs },
    };
  }

  private async runOnce(context: ScenarioContext, clientCount: number): Promise<FanOutRun> {
    const dataDir = await temporaryDataDir('fan-out');
    const server = await context.target.start({ dataDir: dataDir.path });
    const clients: BenchClient[] = [];
    try {
      const plan = await server.createPlan(`Fan-out ${clientCount}`);
      for (let index = 0; index < clientCount; index++) {
        clients.push(connectBenchClient(server.serverUrl, plan, { name: `Osoba ${index + 1}` }));
      }
      await Promise.all(clients.map((client) => whenSynced(client)));

      // Each client types into a paragraph of its own, created before measuring.
      const ownTexts = clients.map((client) => {
        const text = new Y.XmlText(`${client.name}:`);
        client.doc.transact(() => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [text]);
          client.content.insert(client.content.length, [paragraph]);
        });
        return text;
      });
      await waitUntil(() => clients.every((client) => client.content.length === clientCount), {
        timeoutMs: 20_000,
        message: 'setup paragraphs did not reach every client',
      });

      const latencies: number[] = [];
      let firstSendAt = Infinity;
      let lastDeliveryAt = 0;
      for (const client of clients) {
        const sendTimes = client.doc.getMap<number>(SEND_TIMES_FIELD);
        sendTimes.observe((event) => {
          if (event.transaction.local) return;
          const receivedAt = preciseNow();
          for (const key of event.keysChanged) {
            const sentAt = sendTimes.get(key);
            if (sentAt !== undefined) latencies.push(receivedAt - sentAt);
          }
          lastDeliveryAt = receivedAt;
        });
      }

      const intervalMs = 1000 / this.options.editsPerSecond;
      const editsPerClient = Math.max(1, Math.round((this.options.durationMs / 1000) * this.options.editsPerSecond));
      const deliveriesExpected = clientCount * (clientCount - 1) * editsPerClient;
      const hasPeakWindow = server.resetPeakRss();
      const usageBefore = server.usage();
      const benchCpuBefore = process.cpuUsage();
      const windowStart = performance.now();
      let editsSent = 0;
      const writers = clients.map(
        (client, index) =>
          new Promise<void>((resolve) => {
            let sequence = 0;
            const edit = (): void => {
              const sentAt = preciseNow();
              firstSendAt = Math.min(firstSendAt, sentAt);
              const text = ownTexts[index] as Y.XmlText;
              client.doc.transact(() => {
                text.insert(text.length, ` słowo${sequence}`);
                client.doc.getMap<number>(SEND_TIMES_FIELD).set(`${client.doc.clientID}:${sequence}`, sentAt);
              });
              sequence++;
              editsSent++;
              if (sequence >= editsPerClient) {
                clearInterval(timer);
                resolve();
              }
            };
            let timer: NodeJS.Timeout | undefined;
            // A random phase, so the clients do not all write in the same millisecond.
            setTimeout(() => {
              edit();
              if (sequence < editsPerClient) timer = setInterval(edit, intervalMs);
            }, Math.random() * intervalMs);
          }),
      );
      await Promise.all(writers);
      await waitUntil(() => latencies.length >= deliveriesExpected, {
        timeoutMs: 30_000,
        message: `only ${latencies.length} of ${deliveriesExpected} deliveries arrived`,
      }).catch((error: unknown) => context.log(`fan-out: ${String(error)}`));
      const windowMs = performance.now() - windowStart;
      const usageAfter = server.usage();
      const benchCpu = process.cpuUsage(benchCpuBefore);

      const isConverged = await checkConvergence(clients, server.serverUrl, plan);
      const serverCpuMs = usageAfter.cpuMs - usageBefore.cpuMs;
      const deliveries = latencies.length;
      for (const client of clients) client.destroy();
      clients.length = 0;
      const serverExitCode = await server.stop();
      return {
        clients: clientCount,
        editsSent,
        deliveriesExpected,
        deliveries,
        latencyMs: summarizeLatencies(latencies),
        deliveriesPerSecond: deliveries / ((lastDeliveryAt - firstSendAt) / 1000),
        serverCpuMs,
        serverCpuMsPer1000Deliveries: (serverCpuMs / deliveries) * 1000,
        serverCpuPercent: (serverCpuMs / windowMs) * 100,
        serverPeakRssMiB: usageAfter.peakRssBytes / 1024 ** 2,
        isPeakRssOfWindow: hasPeakWindow,
        benchProcessCpuPercent: ((benchCpu.user + benchCpu.system) / 1000 / windowMs) * 100,
        isConverged,
        serverExitCode,
      };
    } finally {
      for (const client of clients) client.destroy();
      await server.kill();
      await dataDir.remove();
    }
  }
}

/** Every client holds the same state, and so does a client that joins afterwards. */
async function checkConvergence(clients: BenchClient[], serverUrl: string, plan: PlanHandle): Promise<boolean> {
  const expected = stateOf(clients[0]);
  const fresh = connectBenchClient(serverUrl, plan, { name: 'Kontrola' });
  try {
    await whenSynced(fresh);
    return [...clients, fresh].every((client) => stateOf(client) === expected);
  } finally {
    fresh.destroy();
  }
}

function stateOf(client: BenchClient | undefined): string {
  if (client === undefined) return '';
  return `${Y.encodeStateVector(client.doc).join(',')}|${JSON.stringify(client.content.toJSON())}|${JSON.stringify(client.doc.getMap(SEND_TIMES_FIELD).size)}`;
}

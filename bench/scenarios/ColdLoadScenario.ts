import * as Y from 'yjs';
import { connectBenchClient, whenSynced, type BenchClient } from '../lib/connectBenchClient.js';
import { createRandom } from '../lib/createRandom.js';
import { polishSentence } from '../lib/polishSentence.js';
import { median } from '../lib/summarizeLatencies.js';
import { temporaryDataDir } from '../lib/temporaryDataDir.js';
import { waitUntil } from '../lib/waitUntil.js';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/Scenario.js';
import type { PlanHandle, RunningServer } from '../lib/ServerTarget.js';
import type { StoredLayout } from '../lib/readStoredLayout.js';
import type { Cell, ResultTable } from '../lib/ResultTable.js';
import { sideBySide } from '../lib/sideBySide.js';

export interface ColdLoadOptions {
  /** Build the plan until Y.encodeStateAsUpdate reaches this many bytes. */
  targetUpdateBytes: number;
  repetitions: number;
}

interface PlanShape {
  blocks: number;
  textLength: number;
  updateBytes: number;
  transactions: number;
  buildMs: number;
}

interface LoadSeries {
  label: string;
  /** Time from creating the provider until it holds the whole plan. */
  loadMs: number[];
  serverStartupMs: number[];
  serverRssBeforeBytes: number[];
  serverPeakRssBytes: number[];
  storedLayout: StoredLayout | null;
}

const BLOCKS_PER_TRANSACTION = 20;

/**
 * A ~1 MB plan is written through a real client and confirmed saved; then the
 * server restarts and a new client's time to the full content is measured:
 * from an uncompacted update log (after kill -9), from the compacted state
 * (after a clean stop), and for comparison with the plan already in memory.
 */
export class ColdLoadScenario implements Scenario {
  readonly needsDurableServer = true;
  readonly name = 'cold-load';

  constructor(private readonly options: ColdLoadOptions) {}

  compare(results: ScenarioResult[], ours: string): ResultTable[] {
    const seriesOf = (result: ScenarioResult, index: number): LoadSeries | undefined => (result.data as { series: LoadSeries[] }).series[index];
    const medianOf = (result: ScenarioResult, index: number): number | null => {
      const series = seriesOf(result, index);
      return series ? median(series.loadMs) : null;
    };
    return [
      sideBySide('Cold load side by side: median ms until a new client holds the whole plan', results, ours, [
        { label: 'cold, after kill -9', pick: (result) => medianOf(result, 0) },
        { label: 'cold, after clean stop', pick: (result) => medianOf(result, 1) },
        { label: 'warm (in memory)', pick: (result) => medianOf(result, 2) },
      ]),
    ];
  }

  async run(context: ScenarioContext): Promise<ScenarioResult> {
    const { target } = context;
    const dataDir = await temporaryDataDir('cold-load');
    let server: RunningServer | null = null;
    try {
      server = await target.start({ dataDir: dataDir.path });
      const plan = await server.createPlan('Plan 1 MB');
      context.log(`cold-load (${target.name}): building a ~${(this.options.targetUpdateBytes / 1e6).toFixed(2)} MB plan`);
      const shape = await buildPlan(server.serverUrl, plan, this.options.targetUpdateBytes);
      // A server that debounces its writes (Hocuspocus) needs this to have stored the plan at all.
      if (target.capabilities.settleMs > 0) await new Promise((resolve) => setTimeout(resolve, target.capabilities.settleMs));
      context.log(`cold-load: ${shape.blocks} blocks, ${shape.textLength} characters, ${shape.updateBytes} bytes, built in ${shape.buildMs.toFixed(0)} ms`);
      const series: LoadSeries[] = [];
      const layoutOf = async (): Promise<StoredLayout | null> =>
        target.readStoredLayout ? target.readStoredLayout(dataDir.path, plan.planId) : null;

      // One untimed load first: the first time this process decodes a plan, its JIT is cold,
      // and that would be charged to whichever series comes first.
      (await measureLoad(server, plan, shape)).client.destroy();

      // Each server is killed right after its load, so the update log is never compacted.
      await server.kill();
      server = null;
      const fromLog: LoadSeries = { label: target.capabilities.settleMs > 0 ? `cold, after kill -9 (${target.capabilities.settleMs / 1000} s after the last edit)` : 'cold, after kill -9 (update log)', loadMs: [], serverStartupMs: [], serverRssBeforeBytes: [], serverPeakRssBytes: [], storedLayout: await layoutOf() };
      for (let repetition = 0; repetition < this.options.repetitions; repetition++) {
        const fresh = await target.start({ dataDir: dataDir.path });
        fromLog.serverStartupMs.push(fresh.startupMs);
        const { loadMs, serverRssBeforeBytes, serverPeakRssBytes, client } = await measureLoad(fresh, plan, shape);
        fromLog.loadMs.push(loadMs);
        fromLog.serverRssBeforeBytes.push(serverRssBeforeBytes);
        fromLog.serverPeakRssBytes.push(serverPeakRssBytes);
        client.destroy();
        await fresh.kill();
      }
      series.push(fromLog);

      context.log(`cold-load (${target.name}): warm loads, then a clean stop`);
      server = await target.start({ dataDir: dataDir.path });
      const holder = await measureLoad(server, plan, shape);
      const warm: LoadSeries = { label: 'warm (plan already in server memory)', loadMs: [], serverStartupMs: [], serverRssBeforeBytes: [], serverPeakRssBytes: [], storedLayout: null };
      for (let repetition = 0; repetition < this.options.repetitions; repetition++) {
        const { loadMs, serverRssBeforeBytes, serverPeakRssBytes, client } = await measureLoad(server, plan, shape);
        warm.loadMs.push(loadMs);
        warm.serverRssBeforeBytes.push(serverRssBeforeBytes);
        warm.serverPeakRssBytes.push(serverPeakRssBytes);
        client.destroy();
      }
      holder.client.destroy();
      await server.stop();
      server = null;

      const fromState: LoadSeries = { label: 'cold, after clean stop (compacted)', loadMs: [], serverStartupMs: [], serverRssBeforeBytes: [], serverPeakRssBytes: [], storedLayout: await layoutOf() };
      for (let repetition = 0; repetition < this.options.repetitions; repetition++) {
        const fresh = await target.start({ dataDir: dataDir.path });
        fromState.serverStartupMs.push(fresh.startupMs);
        const { loadMs, serverRssBeforeBytes, serverPeakRssBytes, client } = await measureLoad(fresh, plan, shape);
        fromState.loadMs.push(loadMs);
        fromState.serverRssBeforeBytes.push(serverRssBeforeBytes);
        fromState.serverPeakRssBytes.push(serverPeakRssBytes);
        client.destroy();
        await fresh.stop();
      }
      series.push(fromState, warm);

      const rows: Cell[][] = series.map((entry) => [
        entry.label,
        entry.loadMs.length,
        median(entry.loadMs),
        Math.min(...entry.loadMs),
        Math.max(...entry.loadMs),
        `${(median(entry.serverRssBeforeBytes) / 1024 ** 2).toFixed(0)} → ${(median(entry.serverPeakRssBytes) / 1024 ** 2).toFixed(0)}`,
        entry.serverStartupMs.length > 0 ? median(entry.serverStartupMs) : null,
        entry.storedLayout ? describeLayout(entry.storedLayout) : null,
      ]);
      return {
        scenario: this.name,
        server: target.name,
        tables: [
          {
            title: `Load of a ${(shape.updateBytes / 1e6).toFixed(2)} MB plan (${target.name}): ${shape.blocks} blocks, ${shape.textLength.toLocaleString('en')} characters`,
            columns: ['case', 'runs', 'median ms', 'min ms', 'max ms', 'server RSS MiB before → peak (median)', 'server start ms (median)', 'stored as'],
            rows,
            notes: [
              'load = from creating the provider until its Y.XmlFragment holds every block and all the text',
              'server start = spawn of the server process (plain `node` on the compiled entry, no tsx) until its "listening" log line',
            ],
          },
        ],
        data: { options: this.options, shape, series },
      };
    } finally {
      await server?.kill();
      await dataDir.remove();
    }
  }
}

async function buildPlan(serverUrl: string, plan: PlanHandle, targetUpdateBytes: number): Promise<PlanShape> {
  const startedAt = performance.now();
  const builder = connectBenchClient(serverUrl, plan, { name: 'Autor planu' });
  try {
    await whenSynced(builder);
    const random = createRandom(20_261_122);
    let transactions = 0;
    let updateBytes = 0;
    // Bounded: a ~1 MB plan needs a few hundred transactions.
    while (updateBytes < targetUpdateBytes && transactions < 5_000) {
      builder.doc.transact(() => {
        for (let index = 0; index < BLOCKS_PER_TRANSACTION; index++) {
          builder.content.insert(builder.content.length, [createBlock(builder.content.length, random)]);
        }
      });
      transactions++;
      // Let the provider put each transaction on the wire as its own update.
      await new Promise((resolve) => setImmediate(resolve));
      updateBytes = Y.encodeStateAsUpdate(builder.doc).byteLength;
    }
    updateBytes = Y.encodeStateAsUpdate(builder.doc).byteLength;
    if (builder.channel !== null) {
      const saved = builder.channel.whenSaved();
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('plan was not confirmed saved within 60 s')), 60_000).unref(),
      );
      await Promise.race([saved, timeout]);
    } else {
      // Without save confirmations: a second client seeing everything is the best we have.
      const checker = connectBenchClient(serverUrl, plan, { name: 'Kontrola' });
      await waitUntil(() => checker.content.length === builder.content.length, { timeoutMs: 60_000, message: 'plan never reached a second client' });
      checker.destroy();
    }
    return {
      blocks: builder.content.length,
      textLength: textLengthOf(builder.content),
      updateBytes,
      transactions,
      buildMs: performance.now() - startedAt,
    };
  } finally {
    builder.destroy();
  }
}

/** Every 12th block a heading, the rest paragraphs of 3-6 sentences with one bold phrase. */
function createBlock(position: number, random: () => number): Y.XmlElement {
  if (position % 12 === 0) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.insert(0, [new Y.XmlText(`${position / 12 + 1}. ${polishSentence(random).slice(0, 60)}`)]);
    return heading;
  }
  const sentenceCount = 3 + Math.floor(random() * 4);
  const body = Array.from({ length: sentenceCount }, () => polishSentence(random)).join(' ');
  // One bold phrase, so the document carries formatting attributes like real editor output.
  const boldStart = Math.floor(random() * (body.length - 20));
  const text = new Y.XmlText();
  text.insert(0, body.slice(0, boldStart));
  text.insert(boldStart, body.slice(boldStart, boldStart + 12), { bold: true });
  text.insert(boldStart + 12, body.slice(boldStart + 12));
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  return paragraph;
}

interface LoadMeasurement {
  loadMs: number;
  /** Server RSS just before the client connected. */
  serverRssBeforeBytes: number;
  /** Server peak RSS from just before the client connected until it held the plan. */
  serverPeakRssBytes: number;
  client: BenchClient;
}

async function measureLoad(
  server: RunningServer,
  plan: PlanHandle,
  expected: Pick<PlanShape, 'blocks' | 'textLength'>,
): Promise<LoadMeasurement> {
  server.resetPeakRss();
  const serverRssBeforeBytes = server.usage().rssBytes;
  const startedAt = performance.now();
  const client = connectBenchClient(server.serverUrl, plan, { name: 'Czytelnik' });
  try {
    await waitUntil(() => client.content.length >= expected.blocks, {
      timeoutMs: 30_000,
      message: `new client never held all ${expected.blocks} blocks`,
      intervalMs: 1,
    });
    const loadMs = performance.now() - startedAt;
    const serverPeakRssBytes = server.usage().peakRssBytes;
    const textLength = textLengthOf(client.content);
    if (client.content.length !== expected.blocks || textLength !== expected.textLength) {
      throw new Error(`loaded plan differs: ${client.content.length} blocks / ${textLength} characters, expected ${expected.blocks} / ${expected.textLength}`);
    }
    await whenSynced(client);
    return { loadMs, serverRssBeforeBytes, serverPeakRssBytes, client };
  } catch (error) {
    client.destroy();
    throw error;
  }
}

function textLengthOf(content: Y.XmlFragment): number {
  let length = 0;
  for (const block of content.toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    for (const child of block.toArray()) if (child instanceof Y.XmlText) length += child.length;
  }
  return length;
}

function describeLayout(layout: StoredLayout): string {
  const parts: string[] = [];
  if (layout.stateBytes > 0) parts.push(`state row ${(layout.stateBytes / 1024).toFixed(0)} KiB`);
  if (layout.updateRows > 0) parts.push(`${layout.updateRows} update rows, ${(layout.updateBytes / 1024).toFixed(0)} KiB`);
  return parts.join(' + ') || 'nothing';
}

import * as Y from 'yjs';
import { connectBenchClient, whenSynced, type BenchClient } from '../lib/connectBenchClient.js';
import { temporaryDataDir } from '../lib/temporaryDataDir.js';
import { waitUntil } from '../lib/waitUntil.js';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/Scenario.js';
import type { RunningServer } from '../lib/ServerTarget.js';
import type { Cell, ResultTable } from '../lib/ResultTable.js';
import { sideBySide } from '../lib/sideBySide.js';

export interface KillDurabilityCase {
  updates: number;
  /** Kill once the observer saw this share of the updates (1 = all of them). */
  killAtFraction: number;
  /**
   * Each writer sends this many updates, then waits this long. Without it
   * writers send as fast as they can (25 per event-loop turn), which finishes
   * before a kill at a fraction could land mid-stream.
   */
  pacing?: { updatesPerBurst: number; burstIntervalMs: number };
}

export interface KillDurabilityOptions {
  cases: KillDurabilityCase[];
  writers: number;
}

export interface KillDurabilityRun extends KillDurabilityCase {
  writers: number;
  /** Updates the observer held when the server was killed. */
  seenBeforeKill: number;
  /** Writer start until the observer had seen them (the kill moment). */
  observedAfterMs: number;
  /** Writer start until both writers had sent their last update (null: killed first). */
  writersDoneAfterMs: number | null;
  recovered: number;
  /** Updates some client had received from the server, yet gone after the restart. Must be 0. */
  seenButLost: number;
}

const UNPACED_UPDATES_PER_TURN = 25;

/**
 * Writers send K updates (one paragraph each); an observer counts them and
 * SIGKILLs the server the moment it has seen enough. Since the server commits
 * before it broadcasts, everything the observer saw must be there after a restart.
 */
export class KillDurabilityScenario implements Scenario {
  readonly needsDurableServer = true;
  readonly name = 'kill-durability';

  constructor(private readonly options: KillDurabilityOptions) {}

  compare(results: ScenarioResult[], ours: string): ResultTable[] {
    const runsOf = (result: ScenarioResult): KillDurabilityRun[] => (result.data as { runs: KillDurabilityRun[] }).runs;
    return [
      sideBySide(
        'Durability under kill -9 side by side: updates the observer had seen, lost after the restart',
        results,
        ours,
        this.options.cases.map((entry, index) => ({
          label: `${entry.updates} updates, kill at ${entry.killAtFraction * 100}% seen${entry.pacing ? ', paced' : ''}`,
          pick: (result: ScenarioResult) => runsOf(result)[index]?.seenButLost ?? null,
        })),
        ['ratios are meaningless here (0 ÷ n); the plan editor must show 0'],
      ),
    ];
  }

  async run(context: ScenarioContext): Promise<ScenarioResult> {
    const runs: KillDurabilityRun[] = [];
    for (const entry of this.options.cases) {
      context.log(`kill-durability: ${entry.updates} updates from ${this.options.writers} writers, kill at ${entry.killAtFraction * 100}% seen`);
      runs.push(await this.runOnce(context, entry));
    }
    const rows: Cell[][] = runs.map((run) => [
      run.updates,
      run.writers,
      run.killAtFraction === 1 ? 'all seen' : `${run.killAtFraction * 100}% seen`,
      run.pacing ? `${run.pacing.updatesPerBurst} per ${run.pacing.burstIntervalMs} ms per writer` : 'as fast as possible',
      run.writersDoneAfterMs,
      run.seenBeforeKill,
      run.observedAfterMs,
      run.recovered,
      run.seenButLost,
    ]);
    return {
      scenario: this.name,
      server: context.target.name,
      tables: [
        {
          title: `Durability under kill -9 (${context.target.name})`,
          columns: [
            'updates',
            'writers',
            'killed when',
            'writer pace',
            'writers done ms',
            'seen by observer at kill',
            'kill at ms',
            'after restart',
            'seen but lost',
          ],
          rows,
          notes: [
            'one update = one paragraph appended in its own transaction; times from the writers\' first update; "–" under writers done = still sending when the server was killed',
            'unpaced, "kill at" − "writers done" is the time the server still needed to commit and relay what the writers had already sent',
            '"seen but lost" counts updates the observer had received that a fresh client does not get after the restart; it must be 0',
          ],
        },
      ],
      data: { options: this.options, runs },
    };
  }

  private async runOnce(context: ScenarioContext, entry: KillDurabilityCase): Promise<KillDurabilityRun> {
    const dataDir = await temporaryDataDir('kill');
    const clients: BenchClient[] = [];
    let server: RunningServer | null = await context.target.start({ dataDir: dataDir.path });
    try {
      const plan = await server.createPlan(`Kill -9 ${entry.updates}`);
      const writerCount = this.options.writers;
      for (let index = 0; index < writerCount; index++) {
        clients.push(connectBenchClient(server.serverUrl, plan, { name: `Pisarz ${index + 1}` }));
      }
      const observer = connectBenchClient(server.serverUrl, plan, { name: 'Obserwator' });
      clients.push(observer);
      await Promise.all(clients.map((client) => whenSynced(client)));

      const killThreshold = Math.max(1, Math.floor(entry.updates * entry.killAtFraction));
      const running = server;
      let seenAtKill: Set<string> | null = null;
      let killing: Promise<void> | null = null;
      let killedAt = 0;
      observer.content.observe(() => {
        if (killing !== null || observer.content.length < killThreshold) return;
        killing = running.kill(); // SIGKILL is sent synchronously, before anything else runs
        killedAt = performance.now();
        seenAtKill = paragraphTexts(observer.content);
      });

      const startedAt = performance.now();
      const perWriter = Math.ceil(entry.updates / writerCount);
      const writing = clients
        .slice(0, writerCount)
        .map((writer, writerIndex) => writeParagraphs(writer, writerIndex, perWriter, entry.pacing, () => killing !== null));
      let writersDoneAfterMs: number | null = null;
      void Promise.all(writing).then((finished) => {
        if (finished.every(Boolean)) writersDoneAfterMs = performance.now() - startedAt;
      });
      await waitUntil(() => killing !== null, {
        timeoutMs: 60_000,
        message: `observer saw only ${observer.content.length} of ${killThreshold} updates`,
      });
      // No client may resend anything to the restarted server; what it has is what it stored.
      for (const client of clients) client.destroy();
      clients.length = 0;
      // eslint-disable-next-line @typescript-eslint/await-thenable -- set inside the waitUntil callback, which TypeScript's narrowing does not see
      await killing;
      server = null;

      server = await context.target.start({ dataDir: dataDir.path });
      const checker = connectBenchClient(server.serverUrl, plan, { name: 'Kontrola' });
      clients.push(checker);
      await whenSynced(checker);
      const recoveredTexts = paragraphTexts(checker.content);
      const seen = seenAtKill ?? new Set<string>();
      let seenButLost = 0;
      for (const text of seen) if (!recoveredTexts.has(text)) seenButLost++;
      checker.destroy();
      await server.stop();
      server = null;
      return {
        ...entry,
        writers: writerCount,
        seenBeforeKill: seen.size,
        observedAfterMs: killedAt - startedAt,
        writersDoneAfterMs: writersDoneAfterMs !== null && writersDoneAfterMs <= killedAt - startedAt ? writersDoneAfterMs : null,
        recovered: recoveredTexts.size,
        seenButLost,
      };
    } finally {
      for (const client of clients) client.destroy();
      await server?.kill();
      await dataDir.remove();
    }
  }
}

/** Resolves true once all `count` updates were sent, false if told to stop first. */
async function writeParagraphs(
  writer: BenchClient,
  writerIndex: number,
  count: number,
  pacing: KillDurabilityCase['pacing'],
  shouldStop: () => boolean,
): Promise<boolean> {
  const perBurst = pacing?.updatesPerBurst ?? UNPACED_UPDATES_PER_TURN;
  for (let sequence = 0; sequence < count; sequence++) {
    if (shouldStop()) return false;
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`w${writerIndex}-${sequence}`)]);
      writer.content.insert(writer.content.length, [paragraph]);
    });
    if (sequence % perBurst === perBurst - 1) {
      await new Promise((resolve) => (pacing ? setTimeout(resolve, pacing.burstIntervalMs) : setImmediate(resolve)));
    }
  }
  return true;
}

function paragraphTexts(content: Y.XmlFragment): Set<string> {
  const texts = new Set<string>();
  for (const block of content.toArray()) {
    if (block instanceof Y.XmlElement) texts.add(block.toArray().map((child) => child.toString()).join(''));
  }
  return texts;
}

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatDocumentName } from '../../shared/documentName.js';
import { ServerShuttingDown } from '../../shared/protocol/closeCodes.js';
import { appendParagraph, connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { startServerProcess, type ServerProcess } from '../helpers/startServerProcess.js';
import { RawDocumentDatabase, plansDatabasePath } from '../helpers/RawDocumentDatabase.js';
import { registerUser } from '../helpers/apiClient.js';

async function temporaryDataDir(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-kill-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** Resolves once the observer holds `count` paragraphs, running `onReached` in that same update. */
/** Paragraphs the writers added; a new plan also holds its template's sections. */
function writtenParagraphs(client: TestClient): string[] {
  return client.text().split('\n').filter((line) => line.startsWith('writer '));
}

function whenObserverReaches(observer: TestClient, count: number, onReached: () => void): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (writtenParagraphs(observer).length < count) return;
      observer.doc.off('update', check);
      onReached();
      resolve();
    };
    observer.doc.on('update', check);
    check();
  });
}

/** Writes `perWriter` paragraphs from each writer, interleaved, a few per event-loop turn. */
async function writeInterleaved(writers: TestClient[], perWriter: number): Promise<void> {
  for (let round = 0; round < perWriter; round++) {
    writers.forEach((writer, index) => appendParagraph(writer, `writer ${index} paragraph ${round}`));
    if (round % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
  }
}

interface PlanAccount {
  planId: string;
  /** Session cookie of the plan's chair; sessions live in the same database, so it survives restarts. */
  headers: Record<string, string>;
}

/** The production server only lets members in: register a chair and create a plan through the API. */
async function createPlan(server: ServerProcess): Promise<PlanAccount> {
  const chair = await registerUser(server, 'Przewodnicząca');
  const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół RPDI' });
  expect(workspace.status).toBe(201);
  const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspace.body.workspace.id}/plans`, {
    title: 'RPDI 2026-2028',
    kind: 'regional',
  });
  expect(plan.status).toBe(201);
  if (chair.cookie === null) throw new Error('registration did not log in');
  return { planId: plan.body.id, headers: { cookie: chair.cookie } };
}

function expectAllParagraphs(reader: TestClient, writerCount: number, perWriter: number): void {
  expect(writtenParagraphs(reader)).toHaveLength(writerCount * perWriter);
  const lines = new Set(writtenParagraphs(reader));
  for (let index = 0; index < writerCount; index++) {
    for (let round = 0; round < perWriter; round++) expect(lines.has(`writer ${index} paragraph ${round}`)).toBe(true);
  }
}

// Each test starts the real entry point twice (about 3 s each under tsx) and hashes a password.
const PROCESS_TEST_TIMEOUT_MS = 90_000;

describe('a server process that dies', () => {
  it('SIGKILL right after the observer saw every update loses none of them', async () => {
    const perWriter = 100;
    const dataDir = await temporaryDataDir();
    const first = await startServerProcess({ dataDir });
    const { planId, headers } = await createPlan(first);
    const writers = ['Anna', 'Bartek'].map((name) => connectClient(first.collabUrl, planId, { name, headers }));
    const observer = connectClient(first.collabUrl, planId, { name: 'Obserwator', headers });
    await Promise.all([...writers, observer].map((client) => waitForSync(client)));

    // Killed inside the observer's update handler: no later server turn can write anything.
    const killed = whenObserverReaches(observer, writers.length * perWriter, () => first.child.kill('SIGKILL'));
    await writeInterleaved(writers, perWriter);
    await killed;
    const exit = await first.exited;
    expect(exit.signal).toBe('SIGKILL');
    // The writers still hold everything; they must not repair the restarted server.
    [...writers, observer].forEach((client) => client.destroy());

    const second = await startServerProcess({ dataDir });
    const reader = connectClient(second.collabUrl, planId, { name: 'Czytelnik', headers });
    await waitForSync(reader);
    expectAllParagraphs(reader, writers.length, perWriter);
  }, PROCESS_TEST_TIMEOUT_MS);

  it('SIGTERM flushes, compacts and exits 0', async () => {
    const perWriter = 50;
    const dataDir = await temporaryDataDir();
    const first = await startServerProcess({ dataDir });
    const { planId, headers } = await createPlan(first);
    const writers = ['Anna', 'Bartek'].map((name) => connectClient(first.collabUrl, planId, { name, headers }));
    const observer = connectClient(first.collabUrl, planId, { name: 'Obserwator', headers });
    await Promise.all([...writers, observer].map((client) => waitForSync(client)));

    const closeCodes: number[] = [];
    observer.provider.on('connection-close', (event: { code: number } | null) => closeCodes.push(event?.code ?? -1));
    const stopped = whenObserverReaches(observer, writers.length * perWriter, () => first.child.kill('SIGTERM'));
    await writeInterleaved(writers, perWriter);
    await stopped;
    const exit = await first.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(first.output.some((line) => line.includes('server stopped'))).toBe(true);
    expect(closeCodes[0]).toBe(ServerShuttingDown.code);
    [...writers, observer].forEach((client) => client.destroy());

    // Shutdown folded the update log into the state row.
    const raw = await RawDocumentDatabase.open(plansDatabasePath(dataDir));
    try {
      expect(await raw.readState(formatDocumentName(planId))).not.toBeNull();
      expect(await raw.countUpdates(formatDocumentName(planId))).toBe(0);
    } finally {
      await raw.close();
    }

    const second = await startServerProcess({ dataDir });
    const reader = connectClient(second.collabUrl, planId, { name: 'Czytelnik', headers });
    await waitForSync(reader);
    expectAllParagraphs(reader, writers.length, perWriter);
  }, PROCESS_TEST_TIMEOUT_MS);
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { CONTENT_FIELD, formatDocumentName } from '../../shared/documentName.js';
import { DOCUMENT_SCHEMA_VERSION, readDocumentSchemaVersion } from '../../shared/documentSchema.js';
import { ClientOutdated } from '../../shared/protocol/closeCodes.js';
import { TYPED_BLOCK_TYPES, type Plan, type PlanBlock } from '../../shared/domain/Plan.js';
import { richTextToPlainText, type RichText } from '../../shared/domain/richText.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { planToFile } from '../../shared/planJson/planToFile.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { storedStateIsCurrent } from '../../server/plans/migrations/storedStateIsCurrent.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { anonymousClient, type ApiClient } from '../helpers/apiClient.js';
import { connectClient, waitForSync } from '../helpers/connectClient.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { RawDocumentDatabase, PLANS_DATABASE_FILE, plansDatabasePath } from '../helpers/RawDocumentDatabase.js';
import { RecordingLogger } from '../helpers/RecordingLogger.js';
import { waitFor } from '../helpers/waitFor.js';

const FIXTURE_DIR = path.resolve('test/fixtures/oldShapeV1');

interface FixtureAccount {
  email: string;
  password: string;
}

interface InsertedText {
  text: string;
  kind: 'attribute' | 'listElement' | 'paragraph';
  blockType: string;
  blockId: string;
  field: string;
  paragraphIndex?: number;
}

interface Fixture {
  planId: string;
  documentName: string;
  accounts: { chair: FixtureAccount; member: FixtureAccount };
  inserted: InsertedText[];
}

const fixture = JSON.parse(await readFile(path.join(FIXTURE_DIR, 'fixture.json'), 'utf8')) as Fixture;

interface StoredDocument {
  state: Uint8Array | null;
  updates: Uint8Array[];
}

/** A copy of the committed database (the server writes to the file it opens). */
async function fixtureDataDir(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plan-editor-migration-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  await copyFile(path.join(FIXTURE_DIR, 'plans.sqlite'), path.join(dataDir, PLANS_DATABASE_FILE));
  return dataDir;
}

async function readStored(dataDir: string): Promise<StoredDocument> {
  const raw = await RawDocumentDatabase.open(plansDatabasePath(dataDir));
  try {
    return { state: await raw.readState(fixture.documentName), updates: await raw.readUpdates(fixture.documentName) };
  } finally {
    await raw.close();
  }
}

function partsOf(stored: StoredDocument): Uint8Array[] {
  return [...(stored.state ? [stored.state] : []), ...stored.updates];
}

function docOf(parts: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc;
}

/** Typed block elements anywhere in the content, with how many children each has. */
function typedBlockChildCounts(doc: Y.Doc): number[] {
  const counts: number[] = [];
  const visit = (parent: Y.XmlFragment): void => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if ((TYPED_BLOCK_TYPES as readonly string[]).includes(child.nodeName)) counts.push(child.length);
      else visit(child);
    }
  };
  visit(doc.getXmlFragment(CONTENT_FIELD));
  return counts;
}

async function login(server: TestServer, account: FixtureAccount): Promise<ApiClient> {
  const client = anonymousClient(server);
  const response = await client.request('POST', '/auth/login', { email: account.email, password: account.password });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return client;
}

async function exportJson(server: TestServer, client: ApiClient): Promise<unknown> {
  const response = await fetch(`${server.httpUrl}/api/plans/${fixture.planId}/export?format=json`, { headers: { cookie: client.cookie ?? '' } });
  expect(response.status).toBe(200);
  return response.json();
}

function blockById(plan: Plan, id: string): PlanBlock {
  const block = plan.sections.flatMap((section) => section.blocks).find((candidate) => 'id' in candidate && candidate.id === id);
  if (block === undefined) throw new Error(`no block ${id}`);
  return block;
}

/** The text of one field of the converted plan, where the fixture says the string went. */
function fieldText(plan: Plan, inserted: InsertedText): string {
  if (inserted.kind === 'paragraph') {
    const section = plan.sections.find((candidate) => candidate.key === inserted.blockId);
    return JSON.stringify(section?.blocks.filter((block) => block.type === 'paragraph') ?? []);
  }
  const value = (blockById(plan, inserted.blockId) as unknown as Record<string, unknown>)[inserted.field];
  if (typeof value === 'string') return value;
  if (inserted.field === 'actions') return (value as { text: string }[]).map((action) => action.text).join('\n');
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.join('\n');
  return richTextToPlainText(value as RichText);
}

function upgradeLines(log: RecordingLogger): number {
  return log.lines.filter((line) => line.message === 'document schema upgraded').length;
}

describe('plans stored in document schema 1 (the committed oldShapeV1 database)', () => {
  it('are converted once, on their first load, before any client receives them, and export the same plan', async () => {
    expect(formatDocumentName(fixture.planId)).toBe(fixture.documentName);
    const dataDir = await fixtureDataDir();
    const before = await readStored(dataDir);
    const oldDoc = docOf(partsOf(before));
    expect(readDocumentSchemaVersion(oldDoc)).toBeNull();
    expect(typedBlockChildCounts(oldDoc).length).toBeGreaterThan(10);
    expect(typedBlockChildCounts(oldDoc).every((count) => count === 0)).toBe(true);
    expect(storedStateIsCurrent(partsOf(before))).toBe(false);

    const log = new RecordingLogger();
    const server = await startTestServer({ dataDir, authenticate: 'sessions', log });
    const chair = await login(server, fixture.accounts.chair);

    // What the first client is sent first is already the new shape.
    const doc = new Y.Doc();
    const received: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => received.push(update));
    const client = connectClient(server.collabUrl, fixture.planId, { doc, headers: { cookie: chair.cookie ?? '' } });
    await waitForSync(client);
    const firstReceived = docOf(received.slice(0, 1));
    expect(readDocumentSchemaVersion(firstReceived)).toBe(DOCUMENT_SCHEMA_VERSION);
    expect(typedBlockChildCounts(firstReceived).every((count) => count > 0)).toBe(true);
    expect(typedBlockChildCounts(client.doc)).toHaveLength(typedBlockChildCounts(oldDoc).length);

    // Every string the old clients typed, online and offline, is in its field, now read from child nodes.
    const plan = readPlanFromYDoc(client.doc).plan;
    for (const inserted of fixture.inserted) {
      expect(fieldText(plan, inserted), `${inserted.blockId}.${inserted.field}`).toContain(inserted.text);
    }

    // The export is the old export in today's format (strings of format 1 read as rich text).
    const expected = importPlan(JSON.parse(await readFile(path.join(FIXTURE_DIR, 'expected-plan.json'), 'utf8')));
    if (!expected.ok) throw new Error(`expected-plan.json does not import: ${JSON.stringify(expected.errors)}`);
    expect(await exportJson(server, chair)).toEqual(planToFile(expected.plan));

    // One transaction: one appended update on top of what was stored, logged once.
    const afterLoad = await readStored(dataDir);
    expect(afterLoad.state).toEqual(before.state);
    expect(afterLoad.updates.slice(0, before.updates.length)).toEqual(before.updates);
    expect(afterLoad.updates).toHaveLength(before.updates.length + 1);
    expect(upgradeLines(log)).toBe(1);
    client.destroy();

    // Stopped (compacted) and loaded again: nothing is converted or written a second time.
    const second = await server.restart();
    const compacted = await readStored(dataDir);
    expect(compacted.updates).toEqual([]);
    expect(storedStateIsCurrent(partsOf(compacted))).toBe(true);
    const chairAgain = await login(second, fixture.accounts.chair);
    const again = connectClient(second.collabUrl, fixture.planId, { headers: { cookie: chairAgain.cookie ?? '' } });
    await waitForSync(again);
    expect(await exportJson(second, chairAgain)).toEqual(planToFile(expected.plan));
    expect(Y.encodeStateVector(again.doc)).toEqual(Y.encodeStateVector(docOf(partsOf(compacted))));
    expect((await readStored(dataDir)).updates).toEqual([]);
    expect(upgradeLines(log)).toBe(1);
  });

  it('refuse a client of an older schema before sending it anything, and stay as stored', async () => {
    const dataDir = await fixtureDataDir();
    const before = await readStored(dataDir);
    const server = await startTestServer({ dataDir, authenticate: 'sessions' });
    const member = await login(server, fixture.accounts.member);
    const headers = { cookie: member.cookie ?? '' };

    for (const schema of [null, '1', '2']) {
      const { client: raw } = await RawCollabSocket.open(`${server.collabUrl}/${fixture.planId}`, headers, { schema });
      if (raw === null) throw new Error('upgrade refused');
      expect(await raw.closed).toEqual({ code: ClientOutdated.code, reason: ClientOutdated.reason });
      expect(raw.messages).toEqual([]);
    }

    // The stock client, as an old build would connect (no schema parameter): told once, and it stops.
    const closes: number[] = [];
    const stock = connectClient(server.collabUrl, fixture.planId, { headers, params: { schema: '' } });
    stock.provider.on('connection-close', (event: { code: number } | null) => {
      if (event !== null) closes.push(event.code);
    });
    const final = new Promise<{ code: number }>((resolve) => stock.provider.once('closed', resolve));
    expect((await final).code).toBe(ClientOutdated.code);
    await new Promise((resolve) => setTimeout(resolve, 800)); // four of its backoff periods
    expect(closes).toEqual([ClientOutdated.code]);
    expect(stock.provider.synced).toBe(false);
    expect(typedBlockChildCounts(stock.doc)).toEqual([]);

    // The document was not even loaded, let alone converted.
    expect(await server.server.registry.peek(fixture.documentName)).toBeNull();
    expect(await readStored(dataDir)).toEqual(before);

    // Converted by a current client's load, it still refuses old ones, and they change nothing.
    const current = connectClient(server.collabUrl, fixture.planId, { headers });
    await waitForSync(current);
    const loaded = await server.server.registry.peek(fixture.documentName);
    await loaded?.whenPersisted();
    const migrated = await readStored(dataDir);
    const { client: late } = await RawCollabSocket.open(`${server.collabUrl}/${fixture.planId}`, headers, { schema: null });
    expect((await late?.closed)?.code).toBe(ClientOutdated.code);
    await waitFor(async () => (await readStored(dataDir)).updates.length === migrated.updates.length, { message: 'stored updates changed' });
    expect(await readStored(dataDir)).toEqual(migrated);
    expect(Y.encodeStateVector(current.doc)).toEqual(Y.encodeStateVector(docOf(partsOf(migrated))));
  });
});

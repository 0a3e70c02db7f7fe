import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { appendParagraph, connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { anonymousClient, registerUser, type ApiClient } from '../helpers/apiClient.js';
import { colorForUser } from '../../shared/presence/colorForUser.js';
import { privateClusterBackends } from '../helpers/clusterBackends.js';
import { waitFor } from '../helpers/waitFor.js';
import { PostgresDocumentStore } from '../../server/persistence/PostgresDocumentStore.js';
import { Redis } from 'ioredis';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { formatDocumentName } from '../../shared/documentName.js';
import { PLAN_META_FIELD } from '../../shared/planJson/planMetaField.js';

const backends = privateClusterBackends();

/** `count` instances on one PostgreSQL database and one Redis, as behind a load balancer. */
async function startInstances(count: number, limits: { maxDocumentBytes?: number; maxUpdateBytes?: number } = {}): Promise<{ instances: TestServer[]; databaseUrl: string }> {
  const databaseUrl = await backends.postgres.createDatabase();
  const instances: TestServer[] = [];
  for (let index = 0; index < count; index++) {
    // Compacting every few appends: three instances compact the same plan while the others append.
    instances.push(await startTestServer({ config: { databaseUrl, redisUrl: backends.redis.url, instanceId: `instance-${index + 1}`, compactAfterAppends: 3, ...limits } }));
  }
  return { instances, databaseUrl };
}

async function storedText(databaseUrl: string, planId: string): Promise<string> {
  const store = await PostgresDocumentStore.open({ connectionString: databaseUrl });
  try {
    const doc = new Y.Doc();
    const state = await store.load(formatDocumentName(planId));
    if (state) Y.applyUpdate(doc, state);
    return doc.getXmlFragment(CONTENT_FIELD).toString();
  } finally {
    await store.close();
  }
}

function paragraphTexts(client: TestClient): string[] {
  return client.text().split('\n').filter(Boolean);
}

/** A stored plan of document schema 1: a recommendation whose typed text is still in attributes. */
function schemaOneDocument(): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap<unknown>(PLAN_META_FIELD).set('schemaVersion', 1);
    const section = new Y.XmlElement('planSection');
    section.setAttribute('key', 'rekomendacje');
    section.setAttribute('title', 'Rekomendacje');
    const recommendation = new Y.XmlElement('recommendation');
    for (const [name, value] of Object.entries({ id: 'R-01', kind: 'recommendation', title: 'Mieszkania treningowe', content: 'Treść rekomendacji', rationale: '', status: 'draft' })) {
      recommendation.setAttribute(name, value);
    }
    section.insert(0, [recommendation]);
    doc.getXmlFragment(CONTENT_FIELD).insert(0, [section]);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('several instances on one PostgreSQL and one Redis', () => {
  it('clients spread over three instances edit one plan concurrently and converge', async () => {
    const { instances, databaseUrl } = await startInstances(3);
    const clients = instances.flatMap((instance, index) =>
      [0, 1].map((member) => connectClient(instance.collabUrl, 'plan-cluster', { name: `Member ${index}.${member}` })),
    );
    await Promise.all(clients.map((client) => waitForSync(client)));
    const rounds = 25;
    for (let round = 0; round < rounds; round++) {
      clients.forEach((client, index) => appendParagraph(client, `${index}:${round}`));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const total = clients.length * rounds;
    await waitFor(() => clients.every((client) => client.content.length === total), { timeoutMs: 20_000, message: 'not every paragraph reached every instance' });
    const texts = clients.map((client) => client.text());
    expect(new Set(texts).size).toBe(1);
    expect(new Set(paragraphTexts(clients[0] as TestClient)).size).toBe(total);
    await Promise.all(clients.map((client) => client.channel.whenSaved()));
    const stored = await storedText(databaseUrl, 'plan-cluster');
    for (let index = 0; index < clients.length; index++) expect(stored).toContain(`${index}:${rounds - 1}`);
    // The plan leaves each instance's memory once its own clients are gone.
    clients[0]?.destroy();
    clients[1]?.destroy();
    await waitFor(() => instances[0]?.server.registry.loadedCount === 0, { message: 'the first instance kept the plan after its clients left' });
    expect(instances[1]?.server.registry.loadedCount).toBe(1);
  });

  it('a plan of an older schema opened on several instances at once is upgraded once', async () => {
    const { instances, databaseUrl } = await startInstances(3);
    const store = await PostgresDocumentStore.open({ connectionString: databaseUrl });
    await store.appendUpdate(formatDocumentName('plan-old'), schemaOneDocument());
    await store.close();
    const clients = instances.map((instance, index) => connectClient(instance.collabUrl, 'plan-old', { name: `Member ${index}` }));
    await Promise.all(clients.map((client) => waitForSync(client)));
    await waitFor(() => new Set(clients.map((client) => client.text())).size === 1, { message: 'the instances disagree' });
    const text = clients[0]?.text() ?? '';
    expect(text.match(/Mieszkania treningowe/g)).toHaveLength(1);
    expect(text.match(/Treść rekomendacji/g)).toHaveLength(1);
  });

  it('an unreadable entry on a plan\'s stream is ignored: the instances go on syncing', async () => {
    const { instances } = await startInstances(2);
    const [first, second] = instances as [TestServer, TestServer];
    const writer = connectClient(first.collabUrl, 'plan-garbage', { name: 'Writer' });
    const reader = connectClient(second.collabUrl, 'plan-garbage', { name: 'Reader' });
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    const intruder = new Redis(backends.redis.url);
    try {
      await intruder.xadd(`plan-editor:updates:${formatDocumentName('plan-garbage')}`, '*', 'i', 'someone-else', 'u', Buffer.from([0xff, 0xfe, 0x01, 0x02]));
    } finally {
      intruder.disconnect();
    }
    appendParagraph(writer, 'po śmieciach');
    await waitFor(() => reader.text().includes('po śmieciach'), { message: 'syncing stopped after an unreadable entry' });
  });

  it('a member on another instance is warned, without writing, when a writer brings the plan near its size limit', async () => {
    const KIB = 1024;
    const maxDocumentBytes = 256 * KIB;
    const { instances } = await startInstances(2, { maxDocumentBytes, maxUpdateBytes: 64 * KIB });
    const [first, second] = instances as [TestServer, TestServer];
    const writer = connectClient(first.collabUrl, 'plan-size-warning', { name: 'Writer' });
    const reader = connectClient(second.collabUrl, 'plan-size-warning', { name: 'Reader' });
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    const paragraphs: string[] = [];
    // 40 KiB a paragraph: the warning starts at 80 % (about the sixth), the limit refuses the seventh or so.
    while (writer.channel.state.documentSize === null) {
      if (paragraphs.length > 8) throw new Error('the writer was never warned');
      const label = `akapit ${paragraphs.length} `;
      appendParagraph(writer, label + 'z'.repeat(40 * KIB));
      await writer.channel.whenSaved();
      paragraphs.push(label);
      await waitFor(() => reader.text().includes(label), { message: `${label} did not reach the other instance` });
      // Below 80 % nobody is warned: the reader has the paragraph, and no warning with it.
      if (writer.channel.state.documentSize === null) expect(reader.channel.state.documentSize).toBeNull();
    }
    expect(paragraphs.length).toBeGreaterThan(3);
    await waitFor(() => reader.channel.state.documentSize !== null, { message: 'the member on the other instance was not warned' });
    expect(reader.channel.state.documentSize?.maxBytes).toBe(maxDocumentBytes);
    expect(reader.channel.state.documentSize?.bytes).toBeGreaterThanOrEqual(maxDocumentBytes * 0.8);
    // Someone joining there later is told as they connect: that instance counted the replicated bytes.
    const latecomer = connectClient(second.collabUrl, 'plan-size-warning', { name: 'Latecomer' });
    await waitForSync(latecomer);
    await waitFor(() => latecomer.channel.state.documentSize !== null, { message: 'a member joining the other instance later was not warned' });
  });

  it('presence crosses instances, and a member who leaves disappears elsewhere', async () => {
    const { instances } = await startInstances(2);
    const [first, second] = instances as [TestServer, TestServer];
    const anna = connectClient(first.collabUrl, 'plan-presence', { name: 'Anna' });
    await waitForSync(anna);
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const bartek = connectClient(second.collabUrl, 'plan-presence', { name: 'Bartek' });
    await waitForSync(bartek);
    bartek.provider.awareness.setLocalStateField('user', { name: 'Bartek' });
    const names = (client: TestClient): string[] =>
      [...client.provider.awareness.getStates().values()].map((state) => (state as { user?: { name?: string } }).user?.name ?? '').sort();
    // Anna was there before Bartek's instance loaded the plan: it asks the others for who is present.
    await waitFor(() => names(bartek).join() === 'Anna,Bartek', { message: `Bartek sees ${names(bartek).join()}` });
    await waitFor(() => names(anna).join() === 'Anna,Bartek', { message: `Anna sees ${names(anna).join()}` });
    anna.destroy();
    await waitFor(() => names(bartek).join() === 'Bartek', { message: 'Anna still shown after leaving' });
  });

  it('members on different instances get distinct caret colours even when their preferred colours collide', async () => {
    const databaseUrl = await backends.postgres.createDatabase();
    const config = { databaseUrl, redisUrl: backends.redis.url };
    const first = await startTestServer({ authenticate: 'sessions', config: { ...config, instanceId: 'colours-1' } });
    const second = await startTestServer({ authenticate: 'sessions', config: { ...config, instanceId: 'colours-2' } });
    // Twelve colours: among thirteen accounts two prefer the same one; stop at the first pair.
    const people: ApiClient[] = [];
    let pair: [ApiClient, ApiClient] | null = null;
    while (pair === null && people.length < 13) {
      const person = await registerUser(first, `Osoba ${people.length}`);
      const same = people.find((other) => colorForUser(other.userId ?? '') === colorForUser(person.userId ?? ''));
      if (same) pair = [same, person];
      people.push(person);
    }
    if (pair === null) throw new Error('no two accounts prefer the same colour');
    const [anna, bartek] = pair;
    const chair = await registerUser(first, 'Przewodnicząca');
    const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
    for (const person of [anna, bartek]) {
      const invitation = await chair.request<{ token: string }>('POST', `/workspaces/${workspace.body.workspace.id}/invitations`, { role: 'member' });
      expect((await person.request('POST', `/invitations/${invitation.body.token}/accept`)).status).toBe(200);
    }
    const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspace.body.workspace.id}/plans`, { title: 'Plan', kind: 'local' });
    const join = (server: TestServer, person: ApiClient, name: string): TestClient =>
      connectClient(server.collabUrl, plan.body.id, { name, headers: { cookie: person.cookie ?? '' } });
    const colourOf = (client: TestClient, userId: string): string | undefined =>
      [...client.provider.awareness.getStates().values()].map((state) => (state as { user?: { id?: string; color?: string } }).user).find((user) => user?.id === userId)?.color;
    // The chair holds the plan open on the second instance; Anna joins on the first.
    const chairClient = join(second, chair, 'Chair');
    await waitForSync(chairClient);
    const annaClient = join(first, anna, 'Anna');
    await waitForSync(annaClient);
    annaClient.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => colourOf(chairClient, anna.userId ?? '') !== undefined, { message: 'the second instance never saw Anna' });
    const bartekClient = join(second, bartek, 'Bartek');
    await waitForSync(bartekClient);
    bartekClient.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => colourOf(annaClient, bartek.userId ?? '') !== undefined, { message: 'Anna never saw Bartek' });
    await waitFor(() => colourOf(chairClient, bartek.userId ?? '') !== undefined, { message: 'the chair never saw Bartek' });
    // As everyone sees them (a client's own state is not stamped by the server).
    expect(colourOf(chairClient, bartek.userId ?? '')).not.toBe(colourOf(chairClient, anna.userId ?? ''));
    expect(colourOf(annaClient, bartek.userId ?? '')).toBe(colourOf(chairClient, bartek.userId ?? ''));
  });

  it('a Redis restart mid-editing loses nothing; the instances report it and recover', async () => {
    const { instances } = await startInstances(2);
    const [first, second] = instances as [TestServer, TestServer];
    const writer = connectClient(first.collabUrl, 'plan-redis-restart', { name: 'Writer' });
    const reader = connectClient(second.collabUrl, 'plan-redis-restart', { name: 'Reader' });
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    appendParagraph(writer, 'before');
    await waitFor(() => reader.content.length === 1, { message: 'first paragraph did not cross instances' });

    const health = async (server: TestServer): Promise<{ status: string; checks?: Record<string, string> }> =>
      (await anonymousClient(server).request<{ status: string; checks?: Record<string, string> }>('GET', '/health')).body;
    const restarting = backends.redis.restart(1_000);
    await waitFor(async () => (await health(first)).status === 'degraded', { message: 'health never said Redis is unreachable' });
    expect((await health(first)).checks).toEqual({ database: 'ok', redis: 'failing' });
    // Edits made while Redis is down are committed and reach the other instance once it is back.
    for (let index = 0; index < 10; index++) appendParagraph(writer, `during ${index}`);
    appendParagraph(reader, 'reader during');
    await restarting;
    for (let index = 0; index < 5; index++) appendParagraph(writer, `after ${index}`);
    await waitFor(() => writer.content.length === 17 && reader.content.length === 17, { timeoutMs: 20_000, message: `writer ${writer.content.length}, reader ${reader.content.length}` });
    expect(reader.text()).toBe(writer.text());
    await waitFor(async () => (await health(first)).status === 'ok' && (await health(second)).status === 'ok', { timeoutMs: 10_000, message: 'health did not recover' });
  });

  it('PostgreSQL stopped mid-editing: writers stay connected, nothing is confirmed or shown until it is back, then nothing is lost', async () => {
    const { instances, databaseUrl } = await startInstances(2);
    const [first, second] = instances as [TestServer, TestServer];
    const writer = connectClient(first.collabUrl, 'plan-postgres-stop', { name: 'Writer' });
    const reader = connectClient(second.collabUrl, 'plan-postgres-stop', { name: 'Reader' });
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    appendParagraph(writer, 'before');
    await writer.channel.whenSaved();
    await waitFor(() => reader.content.length === 1, { message: 'first paragraph did not cross instances' });

    const health = async (server: TestServer): Promise<{ status: string; checks?: Record<string, string> }> =>
      (await anonymousClient(server).request<{ status: string; checks?: Record<string, string> }>('GET', '/health')).body;
    await backends.postgres.stopServer();
    try {
      await waitFor(async () => (await health(first)).status === 'degraded' && (await health(second)).status === 'degraded', {
        message: 'health never said PostgreSQL is unreachable',
      });
      expect((await health(first)).checks?.['database']).toBe('failing');
      for (let index = 0; index < 10; index++) appendParagraph(writer, `during ${index}`);
      appendParagraph(reader, 'reader during');
      await waitFor(() => !writer.channel.state.canServerStore && !reader.channel.state.canServerStore, { message: 'writers were not told the server cannot store' });
      // Over several retries (250 ms doubling): the writers stay connected, nothing is confirmed, nothing crosses.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect([writer.provider.wsconnected, reader.provider.wsconnected]).toEqual([true, true]);
      expect([writer.channel.state.hasUnsavedChanges, reader.channel.state.hasUnsavedChanges]).toEqual([true, true]);
      expect(reader.text()).not.toMatch(/during \d/);
      expect(writer.text()).not.toContain('reader during');
    } finally {
      await backends.postgres.startServer();
    }
    for (let index = 0; index < 5; index++) appendParagraph(writer, `after ${index}`);
    await waitFor(() => writer.content.length === 17 && reader.content.length === 17, { timeoutMs: 20_000, message: () => `writer ${writer.content.length}, reader ${reader.content.length}` });
    expect(reader.text()).toBe(writer.text());
    await Promise.all([writer.channel.whenSaved(), reader.channel.whenSaved()]);
    expect([writer.channel.state.canServerStore, reader.channel.state.canServerStore]).toEqual([true, true]);
    const stored = await storedText(databaseUrl, 'plan-postgres-stop');
    for (const text of ['before', 'during 9', 'reader during', 'after 4']) expect(stored).toContain(text);
    await waitFor(async () => (await health(first)).status === 'ok' && (await health(second)).status === 'ok', { timeoutMs: 10_000, message: 'health did not recover' });
  });
});

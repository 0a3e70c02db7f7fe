import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anonymousClient, registerUser, type ApiClient } from '../helpers/apiClient.js';
import { appendParagraph, connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { InstanceCluster } from '../helpers/InstanceCluster.js';
import { privateClusterBackends } from '../helpers/clusterBackends.js';
import { SeededRandom, seedFromEnvironment } from '../helpers/SeededRandom.js';
import { waitFor } from '../helpers/waitFor.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import type { ServerProcess } from '../helpers/startServerProcess.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { Unauthorized } from '../../shared/protocol/closeCodes.js';
import { colorForUser } from '../../shared/presence/colorForUser.js';

const backends = privateClusterBackends();

interface Team {
  chair: ApiClient;
  member: ApiClient;
  observer: ApiClient;
  workspaceId: string;
  planId: string;
}

/** Registers a chair, a member and an observer through `server` and creates one plan. */
async function createTeam(server: ServerProcess): Promise<Team> {
  const [chair, member, observer] = await Promise.all(['Przewodnicząca', 'Członkini', 'Obserwator'].map((name) => registerUser(server, name)));
  if (!chair || !member || !observer) throw new Error('registration failed');
  const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół strategiczny' });
  const workspaceId = workspace.body.workspace.id;
  for (const [person, role] of [[member, 'member'], [observer, 'observer']] as const) {
    const invitation = await chair.request<{ token: string }>('POST', `/workspaces/${workspaceId}/invitations`, { role });
    const accepted = await person.request('POST', `/invitations/${invitation.body.token}/accept`);
    if (accepted.status !== 200) throw new Error(`joining failed: ${accepted.status}`);
  }
  const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspaceId}/plans`, { title: 'LPDI', kind: 'local' });
  return { chair, member, observer, workspaceId, planId: plan.body.id };
}

/** The same logged-in person, talking to another instance. */
function on(server: ServerProcess, person: ApiClient): ApiClient {
  const client = anonymousClient(server);
  client.cookie = person.cookie;
  client.userId = person.userId;
  return client;
}

function connect(server: ServerProcess, team: Team, person: ApiClient, name: string, doc?: Y.Doc): TestClient {
  return connectClient(server.collabUrl, team.planId, { name, headers: { cookie: person.cookie ?? '' }, ...(doc ? { doc } : {}) });
}

/** The paragraphs a test wrote (a new plan starts with its sections' own text, which is left out). */
function paragraphs(client: TestClient): string[] {
  return client.text().split('\n').filter((line) => WRITTEN.test(line));
}
const WRITTEN = /^(akapit \d+|\d+:\d+ .*)$/;

/** Appends an intervention direction block with `title` as its title line, as the editor would. */
function appendDirectionBlock(client: TestClient, id: string, title: string): void {
  client.doc.transact(() => {
    const block = new Y.XmlElement('interventionDirection');
    block.setAttribute('id', id);
    block.setAttribute('status', 'draft');
    const line = new Y.XmlElement('blockLine');
    line.setAttribute('field', 'title');
    line.insert(0, [new Y.XmlText(title)]);
    block.insert(0, [line]);
    client.content.insert(client.content.length, [block]);
  });
}

/** The title text of the block `id`, to type into. */
function directionTitle(client: TestClient, id: string): Y.XmlText {
  const block = client.content.toArray().find((node) => node instanceof Y.XmlElement && node.getAttribute('id') === id);
  const text = block instanceof Y.XmlElement ? block.get(0) : null;
  const title = text instanceof Y.XmlElement ? text.get(0) : null;
  if (!(title instanceof Y.XmlText)) throw new Error(`block ${id} has no title text`);
  return title;
}

describe('server instances as separate processes on one PostgreSQL and one Redis', () => {
  it('comments, votes, decisions and role changes made on one instance reach the others live', async () => {
    const cluster = await InstanceCluster.start({ count: 3, databaseUrl: await backends.postgres.createDatabase(), redisUrl: backends.redis.url });
    const [first, second, third] = [cluster.instance(0), cluster.instance(1), cluster.instance(2)];
    const team = await createTeam(first);
    const chairClient = connect(first, team, team.chair, 'Przewodnicząca');
    const memberClient = connect(second, team, team.member, 'Członkini');
    const observerClient = connect(third, team, team.observer, 'Obserwator');
    await Promise.all([chairClient, memberClient, observerClient].map((client) => waitForSync(client)));
    const seen = { chair: [] as PlanEvent[], observer: [] as PlanEvent[] };
    chairClient.channel.onPlanEvent((event) => seen.chair.push(event));
    observerClient.channel.onPlanEvent((event) => seen.observer.push(event));

    // A direction block typed on the first instance; the member on the second proposes it.
    appendDirectionBlock(chairClient, 'KI-1.1', 'Mieszkania wspomagane');
    await chairClient.channel.whenSaved();
    await waitFor(() => memberClient.text().includes('Mieszkania wspomagane'), { message: 'the block did not reach the second instance' });

    const anchor = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('x'), 0))).toString('base64');
    const thread = await on(second, team.member).request('POST', `/plans/${team.planId}/threads`, {
      anchor: { kind: 'range', start: anchor, end: anchor, quote: 'x' },
      body: 'Czy mamy dane o liczbie mieszkań?',
    });
    expect(thread.status).toBe(201);
    await waitFor(() => seen.chair.length > 0 && seen.observer.length > 0, { message: 'the comment did not reach the other instances' });

    const proposals = `/plans/${team.planId}/proposals/KI-1.1`;
    expect((await on(second, team.member).request('POST', `${proposals}/transitions`, { to: 'proposed' })).status).toBe(200);
    expect((await on(second, team.member).request('POST', `${proposals}/transitions`, { to: 'underDiscussion' })).status).toBe(200);
    expect((await on(second, team.member).request('POST', `${proposals}/votes`, { vote: 'for' })).status).toBe(200);
    await waitFor(() => seen.observer.some((event) => event.type === 'proposalChanged' && event.proposal.tally.for === 1), {
      message: 'the vote did not reach the observer on the third instance',
    });
    const decided = await on(first, team.chair).request('POST', `${proposals}/transitions`, { to: 'agreed', note: 'protokół nr 3', method: 'consensus' });
    expect(decided.status).toBe(200);
    await waitFor(() => seen.observer.some((event) => event.type === 'proposalChanged' && event.proposal.status === 'agreed'), {
      message: 'the decision did not reach the observer on the third instance',
    });

    // The chair, on the first instance, makes the member (connected to the second) an observer.
    expect(memberClient.channel.state.accessMode).toBe('read-write');
    const demoted = await team.chair.request('PATCH', `/workspaces/${team.workspaceId}/members/${team.member.userId}`, { role: 'observer' });
    expect(demoted.status).toBe(200);
    await waitFor(() => memberClient.channel.state.accessMode === 'read-only', { message: 'the member on the second instance stayed read-write' });
    appendParagraph(memberClient, 'napisane po odebraniu prawa edycji');
    appendParagraph(chairClient, 'zdanie przewodniczącej');
    await waitFor(() => memberClient.text().includes('zdanie przewodniczącej'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chairClient.text()).not.toContain('napisane po odebraniu');

    // The observer logs out through the first instance: their socket on the third instance closes.
    const observerSocket = await RawCollabSocket.open(`${third.collabUrl}/${team.planId}`, { cookie: team.observer.cookie ?? '' });
    if (!observerSocket.client) throw new Error('the observer could not open a raw socket');
    expect((await on(first, team.observer).request('POST', '/auth/logout')).status).toBe(204);
    expect((await observerSocket.client.closed).code).toBe(Unauthorized.code);
  }, 90_000);

  it('an agreed block edited on one instance is announced once to the clients of every instance, not once per instance', async () => {
    const cluster = await InstanceCluster.start({ count: 3, databaseUrl: await backends.postgres.createDatabase(), redisUrl: backends.redis.url });
    const team = await createTeam(cluster.instance(0));
    const decide = async (blockId: string): Promise<void> => {
      const proposal = `/plans/${team.planId}/proposals/${blockId}`;
      expect((await team.chair.request('POST', `${proposal}/transitions`, { to: 'proposed' })).status).toBe(200);
      expect((await team.chair.request('POST', `${proposal}/transitions`, { to: 'agreed', note: 'protokół nr 5', method: 'consensus' })).status).toBe(200);
    };
    const first = connect(cluster.instance(0), team, team.chair, 'Klient 0');
    await waitForSync(first);
    appendDirectionBlock(first, 'KI-2.1', 'Asystencja osobista');
    appendDirectionBlock(first, 'KI-2.2', 'Centrum usług');
    await first.channel.whenSaved();
    await decide('KI-2.1');
    // Joining after the decision, the other instances load the plan and its agreement fresh.
    const clients = [first, connect(cluster.instance(1), team, team.chair, 'Klient 1'), connect(cluster.instance(2), team, team.chair, 'Klient 2')];
    await Promise.all(clients.map((client) => waitForSync(client)));
    const [, second, third] = clients as [TestClient, TestClient, TestClient];
    const statuses = clients.map(() => new Map<string, string[]>());
    clients.forEach((client, index) =>
      client.channel.onPlanEvent((event) => {
        if (event.type !== 'proposalChanged') return;
        const seen = statuses[index] as Map<string, string[]>;
        seen.set(event.proposal.blockId, [...(seen.get(event.proposal.blockId) ?? []), event.proposal.status]);
      }),
    );
    const seenBy = (indexes: number[], blockId: string) => indexes.map((index) => statuses[index]?.get(blockId) ?? []);
    const described = () => JSON.stringify(statuses.map((seen) => Object.fromEntries(seen)));

    // Changed on the second instance, changed back on the third.
    directionTitle(second, 'KI-2.1').insert(0, 'Rozszerzona ');
    await waitFor(() => seenBy([0, 1, 2], 'KI-2.1').every((seen) => seen.includes('changedSinceAgreement')), {
      message: () => `not every client was told the block changed: ${described()}`,
    });
    await waitFor(() => third.text().includes('Rozszerzona Asystencja'), { message: 'the change did not reach the third instance' });
    directionTitle(third, 'KI-2.1').delete(0, 'Rozszerzona '.length);
    await waitFor(() => seenBy([0, 1, 2], 'KI-2.1').every((seen) => seen.at(-1) === 'agreed'), {
      message: () => `not every client was told the block is back to the agreed text: ${described()}`,
    });

    // Decided through an instance that no longer holds the plan: the others learn of the agreement only over the bus.
    first.destroy();
    await decide('KI-2.2');
    await waitFor(() => seenBy([1, 2], 'KI-2.2').every((seen) => seen.at(-1) === 'agreed'), { message: () => `the decision did not reach every client: ${described()}` });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the first instance unloads the plan after UNLOAD_DELAY_MS (200)
    directionTitle(third, 'KI-2.2').insert(0, 'Nowe ');
    await waitFor(() => seenBy([1, 2], 'KI-2.2').every((seen) => seen.includes('changedSinceAgreement')), {
      message: () => `an agreement made on another instance was not watched: ${described()}`,
    });

    // Each instance checks an edit within its check interval (250 ms); a second announcement would come by then.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(seenBy([0, 1, 2], 'KI-2.1')).toEqual(clients.map(() => ['changedSinceAgreement', 'agreed']));
    expect(seenBy([1, 2], 'KI-2.2')).toEqual([1, 2].map(() => ['proposed', 'agreed', 'changedSinceAgreement']));
  }, 90_000);

  it('the first member to open a plan on an instance gets a caret colour no one present through another instance shows', async () => {
    const cluster = await InstanceCluster.start({
      count: 2,
      databaseUrl: await backends.postgres.createDatabase(),
      redisUrl: backends.redis.url,
      env: { MAX_REGISTRATIONS_PER_HOUR: '1000' },
    });
    const [first, second] = [cluster.instance(0), cluster.instance(1)];
    // Two people whose own colours are the same, so only the assignment can tell them apart.
    const byColor = new Map<string, ApiClient>();
    let pair: [ApiClient, ApiClient] | null = null;
    for (let index = 0; pair === null; index++) {
      if (index === 40) throw new Error('no two of 40 people share a preferred colour');
      const person = await registerUser(first, `Osoba ${index}`);
      const color = colorForUser(person.userId ?? '');
      const earlier = byColor.get(color);
      if (earlier) pair = [earlier, person];
      else byColor.set(color, person);
    }
    const [chair, member] = pair;
    const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
    const invitation = await chair.request<{ token: string }>('POST', `/workspaces/${workspace.body.workspace.id}/invitations`, { role: 'member' });
    expect((await member.request('POST', `/invitations/${invitation.body.token}/accept`)).status).toBe(200);
    const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspace.body.workspace.id}/plans`, { title: 'LPDI', kind: 'local' });
    const open = (server: ServerProcess, person: ApiClient, name: string) =>
      connectClient(server.collabUrl, plan.body.id, { name, headers: { cookie: person.cookie ?? '' } });

    const chairClient = open(first, chair, 'Przewodnicząca');
    await waitForSync(chairClient);
    chairClient.provider.awareness.setLocalStateField('cursor', null);
    // The second instance has never loaded the plan: the member is the first to open it there.
    const memberClient = open(second, member, 'Członkini');
    await waitForSync(memberClient);
    memberClient.provider.awareness.setLocalStateField('cursor', null);
    const colorOf = (viewer: TestClient, userId: string): string | undefined =>
      [...viewer.provider.awareness.getStates().values()]
        .map((state) => state['user'] as { id?: string; color?: string } | undefined)
        .find((user) => user?.id === userId)?.color;
    await waitFor(() => colorOf(memberClient, chair.userId ?? '') !== undefined && colorOf(chairClient, member.userId ?? '') !== undefined, {
      message: 'the two never saw each other across the instances',
    });
    expect(colorOf(memberClient, chair.userId ?? '')).toBe(colorForUser(chair.userId ?? ''));
    expect(colorOf(chairClient, member.userId ?? '')).not.toBe(colorOf(memberClient, chair.userId ?? ''));
  }, 90_000);

  it('SIGKILL of an instance right after the others saw its updates loses none of them', async () => {
    const databaseUrl = await backends.postgres.createDatabase();
    const cluster = await InstanceCluster.start({ count: 3, databaseUrl, redisUrl: backends.redis.url });
    const team = await createTeam(cluster.instance(0));
    const writerDoc = new Y.Doc();
    const writer = connect(cluster.instance(2), team, team.member, 'Członkini', writerDoc);
    const watchers = [connect(cluster.instance(0), team, team.chair, 'Przewodnicząca'), connect(cluster.instance(1), team, team.observer, 'Obserwator')];
    await Promise.all([writer, ...watchers].map((client) => waitForSync(client)));
    const N = 60;
    for (let index = 0; index < N; index++) {
      appendParagraph(writer, `akapit ${index}`);
      if (index % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => watchers.every((client) => paragraphs(client).length === N), { message: 'the watchers did not see all updates' });
    await cluster.kill(2);
    // What the others saw is committed: a fresh reader on a survivor has it without the writer.
    const fresh = connect(cluster.instance(1), team, team.chair, 'Czytelnik');
    await waitForSync(fresh);
    expect(paragraphs(fresh)).toHaveLength(N);
    writer.destroy();
    const reconnected = connect(cluster.instance(0), team, team.member, 'Członkini', new Y.Doc());
    await waitForSync(reconnected);
    expect(paragraphs(reconnected)).toEqual(paragraphs(watchers[0] as TestClient));

    for (const client of [...watchers, fresh, reconnected]) client.destroy();
    await cluster.stopAll();
    await Promise.all([0, 1, 2].map((index) => cluster.startInstance(index)));
    const afterRestart = connect(cluster.instance(2), team, team.chair, 'Po restarcie');
    await waitForSync(afterRestart);
    expect(paragraphs(afterRestart)).toEqual(Array.from({ length: N }, (_, index) => `akapit ${index}`));
  }, 120_000);

  it('random edits, instance kills and restarts, and reconnects to random instances: all converge, nothing is lost', async () => {
    const seed = seedFromEnvironment('CLUSTER_SEED');
    const random = new SeededRandom(seed);
    const cluster = await InstanceCluster.start({ count: 3, databaseUrl: await backends.postgres.createDatabase(), redisUrl: backends.redis.url });
    const team = await createTeam(cluster.instance(0));
    const people = [team.chair, team.member];
    const writers = Array.from({ length: 4 }, (_, index) => {
      const doc = new Y.Doc();
      const person = people[index % people.length] as ApiClient;
      return { doc, person, client: connect(cluster.instance(index % 3), team, person, `Piszący ${index}`, doc) };
    });
    await Promise.all(writers.map((writer) => waitForSync(writer.client)));
    const written: string[] = [];
    for (let step = 0; step < 40; step++) {
      const roll = random.next();
      if (roll < 0.1 && cluster.runningIndexes.length > 1) {
        await cluster.kill(random.pick(cluster.runningIndexes));
      } else if (roll < 0.2 && cluster.runningIndexes.length < 3) {
        await cluster.startInstance(random.pick([0, 1, 2].filter((index) => !cluster.isRunning(index))));
      } else if (roll < 0.3) {
        // A writer's socket drops and it comes back on another instance, keeping its unsaved edits.
        const writer = random.pick(writers);
        writer.client.destroy();
        writer.client = connect(cluster.instance(random.pick(cluster.runningIndexes)), team, writer.person, 'Piszący', writer.doc);
      }
      for (const writer of writers) {
        if (!random.chance(0.7)) continue;
        const text = `${step}:${writers.indexOf(writer)} ${random.words()}`;
        appendParagraph(writer.client, text);
        written.push(text);
      }
      await new Promise((resolve) => setTimeout(resolve, random.int(40)));
    }
    // Writers whose instance died move to a running one, as the load balancer would send them.
    for (const writer of writers) {
      writer.client.destroy();
      writer.client = connect(cluster.instance(random.pick(cluster.runningIndexes)), team, writer.person, 'Piszący', writer.doc);
    }
    await waitFor(() => writers.every((writer) => paragraphs(writer.client).length === written.length), {
      timeoutMs: 30_000,
      message: `seed ${seed}: ${writers.map((writer) => paragraphs(writer.client).length).join('/')} of ${written.length}`,
    });
    const texts = writers.map((writer) => writer.client.text());
    expect(new Set(texts).size, `seed ${seed}`).toBe(1);
    expect([...paragraphs(writers[0]?.client as TestClient)].sort(), `seed ${seed}`).toEqual([...written].sort());
    await Promise.all(writers.map((writer) => writer.client.channel.whenSaved()));
    for (const writer of writers) writer.client.destroy();
    await cluster.stopAll();
    await cluster.startInstance(1);
    const reader = connect(cluster.instance(1), team, team.chair, 'Czytelnik');
    await waitForSync(reader);
    expect([...paragraphs(reader)].sort(), `seed ${seed}`).toEqual([...written].sort());
  }, 180_000);
});

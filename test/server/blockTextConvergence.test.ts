/**
 * Typed blocks keep their text in child nodes (issue 11), so text typed into
 * a block field by several members at once must merge character by
 * character like section text. Raw y-websocket clients edit the stored
 * structure directly (no browser, no ProseMirror) against a real server with
 * the sample plan imported.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { findBlock, findField, findFieldOfType, textOfElement } from '../helpers/findBlock.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { SeededRandom, seedFromEnvironment } from '../helpers/SeededRandom.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { waitFor } from '../helpers/waitFor.js';

const CLIENT_COUNT = 4;
const OPERATION_COUNT = 240;
const DIRECTION = 'KI-2.1';
const RECOMMENDATION = 'R-01';

interface SamplePlanServer {
  server: TestServer;
  planId: string;
  cookie: string;
}

/** A real server (session auth) with the sample plan imported by its chair. */
async function serverWithSamplePlan(): Promise<SamplePlanServer> {
  const server = await startTestServer({ authenticate: 'sessions' });
  const team = await createTeam(server, { chair: 'chair' });
  const imported = await importSamplePlan(teamMember(team, 'chair'), team.workspaceId);
  expect(imported.status).toBe(201);
  return { server, planId: imported.body.id, cookie: teamMember(team, 'chair').cookie ?? '' };
}

function connect(plan: SamplePlanServer, name: string, server = plan.server): TestClient {
  return connectClient(server.collabUrl, plan.planId, { name, headers: { cookie: plan.cookie } });
}

function stateVectorOf(client: TestClient): string {
  return Buffer.from(Y.encodeStateVector(client.doc)).toString('base64');
}

async function converge(clients: TestClient[], message: string): Promise<void> {
  for (const client of clients) if (!client.provider.wsconnected && !client.provider.wsconnecting) client.provider.connect();
  await waitFor(() => clients.every((client) => client.provider.synced) && new Set(clients.map(stateVectorOf)).size === 1, {
    timeoutMs: 10_000,
    message,
  });
}

/** Every text a client edits, looked up afresh in its own document (keys are the same in every replica). */
function editableTexts(client: TestClient): Map<string, Y.XmlText> {
  const direction = findBlock(client, DIRECTION);
  const recommendation = findBlock(client, RECOMMENDATION);
  const texts = new Map<string, Y.XmlText>([
    ['title', textOfElement(findField(direction, 'title'))],
    ['description', textOfElement(findField(direction, 'description').get(0) as Y.XmlElement)],
    ['content', textOfElement(findField(recommendation, 'content').get(0) as Y.XmlElement)],
  ]);
  for (const action of findFieldOfType(direction, 'directionActionList').toArray()) {
    if (action instanceof Y.XmlElement && action.get(0) instanceof Y.XmlText) texts.set(`action ${String(action.getAttribute('id'))}`, action.get(0) as Y.XmlText);
  }
  return texts;
}

/** The markers written by one client, e.g. `{c2.17}`: unique, so each one's presence and order can be checked. */
const MARKER = /\{c(\d+)\.(\d+)\}/g;

function markerSpans(text: string): { start: number; end: number; client: number; marker: string }[] {
  return [...text.matchAll(MARKER)].map((match) => ({ start: match.index, end: match.index + match[0].length, client: Number(match[1]), marker: match[0] }));
}

function markersOf(text: string, client: number): string[] {
  return markerSpans(text)
    .filter((span) => span.client === client)
    .map((span) => span.marker);
}

/** Positions between markers (never inside one), where a client may type. */
function boundaries(text: string): number[] {
  const spans = markerSpans(text);
  return Array.from({ length: text.length + 1 }, (_, index) => index).filter((index) => spans.every((span) => index <= span.start || index >= span.end));
}

/** What each client expects to survive: its own markers per text, in its order, and the rows it added. */
interface Expectations {
  /** text key → the client's markers in that text after its last edit there. */
  markers: Map<string, string[]>;
  actions: { id: string; text: string }[];
  responsible: string[];
}

class RandomEditor {
  private counter = 0;
  readonly expected: Expectations = { markers: new Map(), actions: [], responsible: [] };
  readonly counts = { insert: 0, deleteOwn: 0, deleteOriginal: 0, addAction: 0, addResponsible: 0, disconnect: 0, connect: 0 };

  constructor(
    readonly index: number,
    readonly client: TestClient,
    private readonly random: SeededRandom,
  ) {}

  private nextMarker(): string {
    this.counter += 1;
    return `{c${this.index}.${this.counter}}`;
  }

  step(): void {
    const roll = this.random.next();
    if (roll < 0.08) return this.toggleConnection();
    if (roll < 0.14) return this.addAction();
    if (roll < 0.19) return this.addResponsible();
    const texts = editableTexts(this.client);
    const key = this.random.pick([...texts.keys()]);
    const text = texts.get(key) as Y.XmlText;
    const value = text.toString();
    const own = markerSpans(value).filter((span) => span.client === this.index);
    if (roll < 0.3 && own.length > 0) {
      const span = this.random.pick(own);
      text.delete(span.start, span.end - span.start);
      this.counts.deleteOwn++;
    } else if (roll < 0.4) {
      // Delete a few characters of the plan's own text, never touching a marker.
      const between = new Set(boundaries(value));
      const free = [...between].filter((position) => position < value.length && between.has(position + 1) && !/[{}]/.test(value[position] ?? ''));
      if (free.length === 0) return;
      const start = this.random.pick(free);
      let length = 1;
      while (length < 4 && free.includes(start + length)) length++;
      text.delete(start, length);
      this.counts.deleteOriginal++;
    } else {
      text.insert(this.random.pick(boundaries(value)), this.nextMarker());
      this.counts.insert++;
    }
    this.expected.markers.set(key, markersOf(text.toString(), this.index));
  }

  private toggleConnection(): void {
    if (this.client.provider.wsconnected || this.client.provider.wsconnecting) {
      this.client.provider.disconnect();
      this.counts.disconnect++;
    } else {
      this.client.provider.connect();
      this.counts.connect++;
    }
  }

  private addAction(): void {
    const list = findFieldOfType(findBlock(this.client, DIRECTION), 'directionActionList');
    const marker = this.nextMarker();
    const action = { id: `${DIRECTION}.c${this.index}-${this.counter}`, text: `Działanie ${marker}` };
    this.client.doc.transact(() => {
      const element = new Y.XmlElement('directionAction');
      element.setAttribute('id', action.id);
      element.insert(0, [new Y.XmlText(action.text)]);
      list.insert(this.random.int(list.length + 1), [element]);
    });
    this.expected.actions.push(action);
    this.expected.markers.set(`action ${action.id}`, [marker]);
    this.counts.addAction++;
  }

  private addResponsible(): void {
    const list = findField(findBlock(this.client, DIRECTION), 'responsible');
    const text = `podmiot ${this.nextMarker()}`;
    this.client.doc.transact(() => {
      const item = new Y.XmlElement('blockLineItem');
      item.insert(0, [new Y.XmlText(text)]);
      list.insert(this.random.int(list.length + 1), [item]);
    });
    this.expected.responsible.push(text);
    this.counts.addResponsible++;
  }
}

/** Checks that every marker a client wrote and did not delete itself is present, in its order, and that its rows exist. */
function expectEveryInsertPresent(client: TestClient, editors: RandomEditor[], seed: number): void {
  const texts = editableTexts(client);
  const direction = findBlock(client, DIRECTION);
  const actions = findFieldOfType(direction, 'directionActionList')
    .toArray()
    .map((action) => ({ id: String((action as Y.XmlElement).getAttribute('id')), text: textOfElement(action as Y.XmlElement).toString() }));
  const responsible = findField(direction, 'responsible')
    .toArray()
    .map((item) => textOfElement(item as Y.XmlElement).toString());
  for (const editor of editors) {
    for (const [key, markers] of editor.expected.markers) {
      const text = texts.get(key);
      expect(text, `SEED=${seed}: text '${key}' missing`).toBeDefined();
      expect(markersOf(text?.toString() ?? '', editor.index), `SEED=${seed}: client ${editor.index} in '${key}'`).toEqual(markers);
    }
    for (const action of editor.expected.actions) expect(actions.map((row) => row.id), `SEED=${seed}`).toContain(action.id);
    const ownActions = actions.filter((row) => editor.expected.actions.some((action) => action.id === row.id)).map((row) => row.id);
    expect(ownActions.length, `SEED=${seed}: client ${editor.index}'s actions`).toBe(editor.expected.actions.length);
    const ownResponsible = responsible.filter((item) => editor.expected.responsible.includes(item));
    expect(ownResponsible.sort(), `SEED=${seed}: client ${editor.index}'s responsible bodies`).toEqual([...editor.expected.responsible].sort());
  }
}

/** The direction as the server's export reads it: the text merged in Yjs is what the plan holds. */
function exportedDirection(client: TestClient) {
  const { plan, dropped } = readPlanFromYDoc(client.doc);
  const direction = plan.sections.flatMap((section) => section.blocks).find((block) => block.type === 'interventionDirection' && block.id === DIRECTION);
  if (direction?.type !== 'interventionDirection') throw new Error(`${DIRECTION} not exported`);
  return { direction, dropped };
}

/** Types `text` one character per transaction at `offset` (a number, or 'end'), as a keyboard would. */
function typeCharacters(text: Y.XmlText, offset: number | 'end', typed: string): void {
  let position = offset === 'end' ? text.length : offset;
  for (const character of typed) {
    text.insert(position, character);
    position += character.length;
  }
}

describe('block text merges between raw y-websocket clients', () => {
  it(`${CLIENT_COUNT} clients with seeded random edits of block fields and reconnects keep every character, also after a restart`, async () => {
    const seed = seedFromEnvironment('SEED');
    const random = new SeededRandom(seed);
    const plan = await serverWithSamplePlan();
    const clients = Array.from({ length: CLIENT_COUNT }, (_, index) => connect(plan, `Klient ${index}`));
    await Promise.all(clients.map((client) => waitForSync(client)));
    const editors = clients.map((client, index) => new RandomEditor(index, client, random));

    for (let step = 0; step < OPERATION_COUNT; step++) {
      random.pick(editors).step();
      // Let the network interleave with the edits at random points.
      if (random.chance(0.15)) await new Promise((resolve) => setImmediate(resolve));
      else if (random.chance(0.05)) await new Promise((resolve) => setTimeout(resolve, random.int(15)));
    }
    const counts = editors.map((editor) => editor.counts);
    console.log(`SEED=${seed}: ${JSON.stringify(counts)}`);
    expect(counts.reduce((sum, count) => sum + count.disconnect, 0)).toBeGreaterThan(0);
    expect(counts.reduce((sum, count) => sum + count.insert, 0)).toBeGreaterThan(OPERATION_COUNT / 3);

    await converge(clients, `clients did not converge (SEED=${seed})`);
    const expectedJson = clients[0]?.content.toJSON();
    for (const client of clients) {
      expect(client.content.toJSON(), `SEED=${seed}`).toBe(expectedJson);
      expect(client.doc.store.pendingStructs).toBeNull();
      expectEveryInsertPresent(client, editors, seed);
    }
    // The export reads the merged text, and the document stays clean for it.
    const { direction, dropped } = exportedDirection(clients[0] as TestClient);
    expect(dropped, `SEED=${seed}`).toEqual([]);
    expect(direction.title).toBe(editableTexts(clients[0] as TestClient).get('title')?.toString());
    await Promise.all(clients.map((client) => client.channel.whenSaved()));

    const fresh = connect(plan, 'Nowy');
    await waitForSync(fresh);
    expect(fresh.content.toJSON(), `SEED=${seed}`).toBe(expectedJson);

    // The clients must not be able to repair the restarted server.
    for (const client of [...clients, fresh]) client.destroy();
    const restarted = await plan.server.restart();
    const afterRestart = connect(plan, 'Po restarcie', restarted);
    await waitForSync(afterRestart);
    expect(afterRestart.content.toJSON(), `SEED=${seed}`).toBe(expectedJson);
    expectEveryInsertPresent(afterRestart, editors, seed);
  });

  it('two clients typing into one title at once, and adding an action at once, both keep everything, also after a restart', async () => {
    const plan = await serverWithSamplePlan();
    const anna = connect(plan, 'Anna');
    const bartek = connect(plan, 'Bartek');
    await Promise.all([waitForSync(anna), waitForSync(bartek)]);
    const originalTitle = textOfElement(findField(findBlock(anna, DIRECTION), 'title')).toString();
    const originalActions = findFieldOfType(findBlock(anna, DIRECTION), 'directionActionList').length;

    // Neither sees the other's keys until both have typed: the edits are truly concurrent.
    anna.provider.disconnect();
    bartek.provider.disconnect();
    const annaTyped = Array.from({ length: 12 }, (_, index) => `a${index}`).join('');
    const bartekTyped = Array.from({ length: 12 }, (_, index) => `b${index}`).join('');
    typeCharacters(textOfElement(findField(findBlock(anna, DIRECTION), 'title')), 'end', annaTyped);
    typeCharacters(textOfElement(findField(findBlock(bartek, DIRECTION), 'title')), 'end', bartekTyped);
    const annaStart = 'Start-';
    typeCharacters(textOfElement(findField(findBlock(anna, DIRECTION), 'description').get(0) as Y.XmlElement), 0, annaStart);
    typeCharacters(textOfElement(findField(findBlock(bartek, DIRECTION), 'description').get(0) as Y.XmlElement), 'end', '-Koniec');
    for (const [client, name] of [
      [anna, 'anna'],
      [bartek, 'bartek'],
    ] as const) {
      const list = findFieldOfType(findBlock(client, DIRECTION), 'directionActionList');
      const action = new Y.XmlElement('directionAction');
      action.setAttribute('id', `${DIRECTION}.${name}`);
      const text = new Y.XmlText();
      action.insert(0, [text]);
      list.insert(list.length, [action]);
      // The row first, then its text key by key, as "+ Dodaj działanie" and typing would.
      typeCharacters(text, 0, `Działanie ${name}`);
    }

    await converge([anna, bartek], 'the two clients did not converge');
    const check = (client: TestClient): void => {
      const title = textOfElement(findField(findBlock(client, DIRECTION), 'title')).toString();
      expect([`${originalTitle}${annaTyped}${bartekTyped}`, `${originalTitle}${bartekTyped}${annaTyped}`]).toContain(title);
      const description = textOfElement(findField(findBlock(client, DIRECTION), 'description').get(0) as Y.XmlElement).toString();
      expect(description.startsWith(annaStart)).toBe(true);
      expect(description.endsWith('-Koniec')).toBe(true);
      const { direction, dropped } = exportedDirection(client);
      expect(dropped).toEqual([]);
      expect(direction.title).toBe(title);
      expect(direction.actions).toHaveLength(originalActions + 2);
      expect(direction.actions.slice(originalActions).sort((first, second) => first.id.localeCompare(second.id))).toEqual([
        { id: `${DIRECTION}.anna`, text: 'Działanie anna' },
        { id: `${DIRECTION}.bartek`, text: 'Działanie bartek' },
      ]);
    };
    check(anna);
    check(bartek);
    const expectedJson = anna.content.toJSON();
    await Promise.all([anna.channel.whenSaved(), bartek.channel.whenSaved()]);

    const fresh = connect(plan, 'Nowy');
    await waitForSync(fresh);
    expect(fresh.content.toJSON()).toBe(expectedJson);
    check(fresh);

    for (const client of [anna, bartek, fresh]) client.destroy();
    const restarted = await plan.server.restart();
    const afterRestart = connect(plan, 'Po restarcie', restarted);
    await waitForSync(afterRestart);
    expect(afterRestart.content.toJSON()).toBe(expectedJson);
    check(afterRestart);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { SeededRandom, seedFromEnvironment } from '../helpers/SeededRandom.js';
import { replicasDifference } from '../helpers/replicaDifference.js';

const CLIENT_COUNT = 4;
const OPERATION_COUNT = 300;

interface OperationCounts {
  insertParagraph: number;
  insertText: number;
  deleteText: number;
  deleteParagraphs: number;
  disconnect: number;
  connect: number;
}

function paragraphs(client: TestClient): Y.XmlElement[] {
  return client.content.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

function textOf(paragraph: Y.XmlElement): Y.XmlText | null {
  const first = paragraph.get(0);
  return first instanceof Y.XmlText ? first : null;
}

/** One random edit or connection change on one client, as the yjs applyRandomTests do. */
function applyRandomOperation(random: SeededRandom, client: TestClient, counts: OperationCounts): void {
  const roll = random.next();
  const existing = paragraphs(client);
  if (roll < 0.3 || existing.length === 0) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(random.words())]);
    client.content.insert(random.int(client.content.length + 1), [paragraph]);
    counts.insertParagraph++;
    return;
  }
  const text = textOf(random.pick(existing));
  if (roll < 0.55 && text !== null) {
    text.insert(random.int(text.length + 1), ` ${random.words(2)}`);
    counts.insertText++;
    return;
  }
  if (roll < 0.72 && text !== null && text.length > 0) {
    const start = random.int(text.length);
    text.delete(start, 1 + random.int(Math.min(8, text.length - start)));
    counts.deleteText++;
    return;
  }
  if (roll < 0.84) {
    const start = random.int(client.content.length);
    client.content.delete(start, 1 + random.int(Math.min(3, client.content.length - start)));
    counts.deleteParagraphs++;
    return;
  }
  if (client.provider.wsconnected || client.provider.wsconnecting) {
    client.provider.disconnect();
    counts.disconnect++;
  } else {
    client.provider.connect();
    counts.connect++;
  }
}

function stateVectorOf(client: TestClient): string {
  return Buffer.from(Y.encodeStateVector(client.doc)).toString('base64');
}

describe('seeded random edits', () => {
  it(`${CLIENT_COUNT} clients with random edits and reconnects converge, also after a restart`, async () => {
    const seed = seedFromEnvironment('CONVERGENCE_SEED');
    const random = new SeededRandom(seed);
    const server = await startTestServer();
    const planId = `plan-random-${seed % 1_000_000}`;
    const clients = Array.from({ length: CLIENT_COUNT }, (_, index) =>
      connectClient(server.collabUrl, planId, { name: `Klient ${index}` }),
    );
    await Promise.all(clients.map((client) => waitForSync(client)));

    const counts: OperationCounts = { insertParagraph: 0, insertText: 0, deleteText: 0, deleteParagraphs: 0, disconnect: 0, connect: 0 };
    for (let step = 0; step < OPERATION_COUNT; step++) {
      applyRandomOperation(random, random.pick(clients), counts);
      // Let the network interleave with the edits at random points.
      if (random.chance(0.15)) await new Promise((resolve) => setImmediate(resolve));
      else if (random.chance(0.05)) await new Promise((resolve) => setTimeout(resolve, random.int(15)));
    }
    console.log(`seed ${seed}: ${JSON.stringify(counts)}`);
    expect(counts.disconnect).toBeGreaterThan(0);

    for (const client of clients) if (!client.provider.wsconnected && !client.provider.wsconnecting) client.provider.connect();
    // Converged means the same insertions and the same deletions: deletions still in flight leave the
    // state vectors equal, so comparing those alone would pass while the content still differs.
    const contentOf = (doc: Y.Doc): string => doc.getXmlFragment(CONTENT_FIELD).toJSON();
    const unsynced = (): string | null => {
      const waiting = clients.flatMap((client, index) => (client.provider.synced ? [] : [index]));
      return waiting.length > 0 ? `clients ${waiting.join(', ')} not synced` : replicasDifference(clients.map((client) => client.doc), contentOf);
    };
    await waitFor(() => unsynced() === null, {
      timeoutMs: 10_000,
      message: () => `clients did not converge (CONVERGENCE_SEED=${seed}): ${unsynced() ?? 'converged just now'}`,
    });
    const expectedJson = clients[0]?.content.toJSON();
    const expectedStateVector = clients[0] ? stateVectorOf(clients[0]) : '';
    for (const client of clients) {
      expect(client.content.toJSON(), `CONVERGENCE_SEED=${seed}`).toBe(expectedJson);
      expect(client.doc.store.pendingStructs).toBeNull();
    }
    await Promise.all(clients.map((client) => client.channel.whenSaved()));

    // The clients must not be able to repair the restarted server.
    clients.forEach((client) => client.destroy());
    const restarted = await server.restart();
    const fresh = connectClient(restarted.collabUrl, planId, { name: 'Nowy' });
    await waitForSync(fresh);
    expect(fresh.content.toJSON(), `CONVERGENCE_SEED=${seed}`).toBe(expectedJson);
    expect(stateVectorOf(fresh)).toBe(expectedStateVector);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatDocumentName } from '../../shared/documentName.js';
import { DocumentUnavailable } from '../../shared/protocol/closeCodes.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { appendParagraph, connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { RawDocumentDatabase, plansDatabasePath } from '../helpers/RawDocumentDatabase.js';
import { RecordingLogger } from '../helpers/RecordingLogger.js';

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves with the close code of the provider's next closed connection. */
function nextCloseCode(client: TestClient, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.provider.off('connection-close', onClose);
      reject(new Error(`connection was not closed within ${timeoutMs} ms`));
    }, timeoutMs);
    const onClose = (event: { code: number } | null): void => {
      clearTimeout(timer);
      client.provider.off('connection-close', onClose);
      resolve(event?.code ?? -1);
    };
    client.provider.on('connection-close', onClose);
  });
}

describe('persistence through the real server', () => {
  it('compacting while clients keep editing loses no update', async () => {
    const planId = 'plan-compaction';
    const first = await startTestServer({ config: { compactAfterAppends: 5 } });
    const writers = ['Anna', 'Bartek'].map((name) => connectClient(first.collabUrl, planId, { name }));
    await Promise.all(writers.map((writer) => waitForSync(writer)));

    const perWriter = 60;
    for (let round = 0; round < perWriter; round++) {
      writers.forEach((writer, index) => appendParagraph(writer, `${index}:${round}`));
      await nextTurn();
      // Waiting for a save now and then forces separate appends even on a busy machine,
      // so compaction (every 5 appends) runs several times while the edits go on.
      if (round % 5 === 4) await Promise.all(writers.map((writer) => writer.channel.whenSaved()));
    }
    const total = perWriter * writers.length;
    await waitFor(() => writers.every((writer) => writer.content.length === total), {
      message: `writers never both saw ${total} paragraphs`,
    });
    await Promise.all(writers.map((writer) => writer.channel.whenSaved()));
    const expectedText = writers[0]?.text() ?? '';
    expect(writers[1]?.text()).toBe(expectedText);

    // Compaction ran while editing: a state row exists and the log was folded into it.
    const raw = await RawDocumentDatabase.open(plansDatabasePath(first.dataDir));
    try {
      await waitFor(async () => (await raw.readState(formatDocumentName(planId))) !== null, {
        message: 'no compaction happened while editing',
      });
      expect(await raw.countUpdates(formatDocumentName(planId))).toBeLessThan(total);
    } finally {
      await raw.close();
    }

    writers.forEach((writer) => writer.destroy());
    const second = await first.restart();
    const reader = connectClient(second.collabUrl, planId, { name: 'Czytelnik' });
    await waitForSync(reader);
    expect(reader.content.length).toBe(total);
    expect(reader.text()).toBe(expectedText);
    for (let index = 0; index < writers.length; index++) {
      for (let round = 0; round < perWriter; round++) expect(reader.text()).toContain(`${index}:${round}`);
    }
  });

  it('a document whose stored bytes cannot be read is refused and never overwritten', async () => {
    const log = new RecordingLogger();
    const server = await startTestServer({ log });
    const damaged = [
      // Decodes as "empty" unless trailing bytes are checked.
      { planId: 'plan-zeroed', bytes: new Uint8Array(128) },
      { planId: 'plan-random', bytes: Uint8Array.from({ length: 96 }, (_, index) => (index * 73 + 41) % 256) },
    ];
    const raw = await RawDocumentDatabase.open(plansDatabasePath(server.dataDir));
    try {
      for (const { planId, bytes } of damaged) await raw.writeState(formatDocumentName(planId), bytes);
    } finally {
      await raw.close();
    }

    for (const { planId } of damaged) {
      // A client with its own unsaved content: none of it may reach the store.
      const doc = new Y.Doc();
      const client = connectClient(server.collabUrl, planId, { doc, connect: false });
      appendParagraph(client, 'lokalna zmiana, która nie może nadpisać danych');
      let hasSynced = false;
      client.provider.on('sync', (isSynced: boolean) => {
        if (isSynced) hasSynced = true;
      });
      const closed = nextCloseCode(client);
      client.provider.connect();
      expect(await closed).toBe(DocumentUnavailable.code);
      // It reconnects (4500 is transient for the stock client) and is refused again.
      expect(await nextCloseCode(client)).toBe(DocumentUnavailable.code);
      expect(hasSynced).toBe(false);
      expect(client.provider.synced).toBe(false);
      client.destroy();
    }
    expect(log.at('error').some((line) => line.message.includes('document load failed'))).toBe(true);

    await server.close();
    const after = await RawDocumentDatabase.open(plansDatabasePath(server.dataDir));
    try {
      for (const { planId, bytes } of damaged) {
        expect(await after.readState(formatDocumentName(planId))).toEqual(bytes);
        expect(await after.countUpdates(formatDocumentName(planId))).toBe(0);
      }
    } finally {
      await after.close();
    }
  });
});

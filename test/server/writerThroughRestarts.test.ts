import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CONTENT_FIELD, formatDocumentName } from '../../shared/documentName.js';
import { DOCUMENT_SCHEMA_VERSION, SCHEMA_CONNECTION_PARAM } from '../../shared/documentSchema.js';
import { PersistenceFailed } from '../../shared/protocol/closeCodes.js';
import { SqliteDocumentStore } from '../../server/persistence/SqliteDocumentStore.js';
import { SqliteDatabase } from '../../server/persistence/sqlite.js';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { plansDatabasePath } from '../helpers/RawDocumentDatabase.js';
import { fragmentText } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';

const RESTARTS = 20;
const TYPING_INTERVAL_MS = 5;
const PLAN_ID = 'plan-restarts';

interface StockWriter {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  terminalCloses: number[];
  typed: number;
  stop(): void;
}

/**
 * A stock y-websocket provider (no project messages, as any Yjs app would
 * connect) that types one character into one paragraph every 5 ms.
 */
function startTypingWriter(collabUrl: string): StockWriter {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, PLAN_ID, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { [SCHEMA_CONNECTION_PARAM]: String(DOCUMENT_SCHEMA_VERSION), name: 'Pisarka' },
    disableBc: true,
    maxBackoffTime: 100,
  });
  const writer: StockWriter = { doc, provider, closeCodes: [], terminalCloses: [], typed: 0, stop: () => undefined };
  provider.on('connection-close', (event: { code: number } | null) => {
    if (event !== null) writer.closeCodes.push(event.code);
  });
  provider.on('closed', (event: { code: number }) => writer.terminalCloses.push(event.code));
  const content = doc.getXmlFragment(CONTENT_FIELD);
  let text: Y.XmlText | null = null;
  const timer = setInterval(() => {
    // Typing starts once the plan arrived, like a person who waits for the editor; then it never waits.
    if (text === null) {
      if (!provider.synced) return;
      const paragraph = new Y.XmlElement('paragraph');
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
      content.insert(content.length, [paragraph]);
    }
    text.insert(text.length, String(writer.typed % 10));
    writer.typed += 1;
  }, TYPING_INTERVAL_MS);
  writer.stop = () => clearInterval(timer);
  onTestFinished(() => {
    clearInterval(timer);
    provider.destroy();
    doc.destroy();
  });
  return writer;
}

async function storedText(dataDir: string): Promise<string> {
  const store = await SqliteDocumentStore.open({ filename: plansDatabasePath(dataDir) });
  try {
    const state = await store.load(formatDocumentName(PLAN_ID));
    const doc = new Y.Doc();
    if (state !== null) Y.applyUpdate(doc, state);
    return fragmentText(doc.getXmlFragment(CONTENT_FIELD));
  } finally {
    await store.close();
  }
}

/** Holds SQLite's write lock longer than the server's busy timeout (5 s), so its next commit fails for real. */
async function holdWriteLock(dataDir: string, holdMs: number): Promise<void> {
  const database = await SqliteDatabase.open(plansDatabasePath(dataDir));
  try {
    await database.exec('BEGIN EXCLUSIVE');
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    await database.exec('ROLLBACK');
  } finally {
    await database.close();
  }
}

describe('a stock writer typing every 5 ms', () => {
  it('loses nothing through 20 server restarts and a failed commit, and is never cut off', async () => {
    let server: TestServer = await startTestServer({ config: { unloadDelayMs: 50 } });
    const { dataDir } = server;
    const writer = startTypingWriter(server.collabUrl);
    await waitFor(() => writer.typed > 20, { message: 'the writer never started typing' });

    for (let restart = 0; restart < RESTARTS; restart++) {
      server = await server.restart();
      await waitFor(() => writer.provider.synced, { timeoutMs: 10_000, message: `writer never synced after restart ${restart + 1}` });
      // Keep typing a moment on the new server, right through its reconnect and sync.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // A commit that fails (database locked past the busy timeout) closes the writer with 4501; it comes back.
    const failuresBefore = writer.closeCodes.filter((code) => code === PersistenceFailed.code).length;
    await holdWriteLock(dataDir, 5_500);
    await waitFor(() => writer.closeCodes.filter((code) => code === PersistenceFailed.code).length > failuresBefore, {
      timeoutMs: 10_000,
      message: 'the locked database never failed a commit',
    });
    await waitFor(() => writer.provider.synced, { timeoutMs: 10_000, message: 'writer never synced after the failed commit' });
    await new Promise((resolve) => setTimeout(resolve, 200));

    writer.stop();
    const typedText = fragmentText(writer.doc.getXmlFragment(CONTENT_FIELD));
    expect(typedText.length).toBe(writer.typed);
    // A stock provider has no save confirmation: wait until a fresh reader sees everything, then stop the server.
    await waitFor(
      async () => {
        const reader = new WebsocketProvider(server.collabUrl, PLAN_ID, new Y.Doc(), {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          params: { [SCHEMA_CONNECTION_PARAM]: String(DOCUMENT_SCHEMA_VERSION), name: 'Czytelnik' },
          disableBc: true,
        });
        try {
          await waitFor(() => reader.synced, { timeoutMs: 5_000 });
          return fragmentText(reader.doc.getXmlFragment(CONTENT_FIELD)) === typedText;
        } finally {
          reader.destroy();
        }
      },
      { timeoutMs: 15_000, intervalMs: 200, message: 'the server never held everything typed' },
    );
    await server.close();

    expect(await storedText(dataDir)).toBe(typedText);
    expect(writer.terminalCloses).toEqual([]);
    expect(writer.closeCodes.every((code) => code < 4400 || code >= 4500)).toBe(true);
    console.info(`typed ${writer.typed} characters through ${RESTARTS} restarts; closes: ${writer.closeCodes.join(',')}`);
  }, 120_000);
});

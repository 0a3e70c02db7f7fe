import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { MessageType } from '../../shared/protocol/messageType.js';
import {
  MalformedMessage,
  MessageTooBig,
  UpdateNotIntegrable,
  UnsupportedFrame,
  type CloseEvent,
} from '../../shared/protocol/closeCodes.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { appendParagraph, connectClient, waitForSync } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { RecordingLogger } from '../helpers/RecordingLogger.js';

const MAX_MESSAGE_BYTES = 64 * 1024;

function seededBytes(length: number, seed: number): Uint8Array {
  let state = seed >>> 0 || 1;
  return Uint8Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 0xff;
  });
}

function syncUpdateFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A real update of a paragraph with `text`, as a client would send it. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** A real update that builds on a paragraph the server never received (a forged or broken client). */
function updateOnMissingContent(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Diagnoza')]);
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  const known = Y.encodeStateVector(doc);
  (paragraph.get(0) as Y.XmlText).insert(8, ' potrzeb');
  return Y.encodeStateAsUpdate(doc, known);
}

/** Sync step 2 carrying nothing: what a client that has nothing the server lacks answers to a sync step 1. */
function emptySyncStep2Frame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep2(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

function isSyncStep1(frame: Uint8Array): boolean {
  return frame[0] === MessageType.Sync && frame[1] === syncProtocol.messageYjsSyncStep1;
}

/**
 * An update on missing content, then sync step 2s that do not bring it: the
 * server holds the update, answers the first step 2 with a fresh step 1, and
 * only after the second closes, with a code the stock provider retries.
 */
async function sendUpdateThatNeverFits(socket: RawCollabSocket): Promise<void> {
  const stepOnesBefore = socket.messages.filter(isSyncStep1).length;
  socket.sendBinary(syncUpdateFrame(updateOnMissingContent()));
  socket.sendBinary(emptySyncStep2Frame());
  await waitFor(() => socket.messages.filter(isSyncStep1).length > stepOnesBefore, { message: 'the server did not ask again with a sync step 1' });
  expect(socket.isOpen).toBe(true);
  socket.sendBinary(emptySyncStep2Frame());
}

interface BadFrame {
  label: string;
  send(socket: RawCollabSocket): void | Promise<void>;
  expected: CloseEvent;
  /** What the warn line for it says. */
  warning: string;
}

const badFrames: BadFrame[] = [
  {
    label: 'random bytes',
    // 0xc8 starts a multi-byte varUint, so the message type is never a known one.
    send: (socket) => socket.sendBinary(Uint8Array.from([0xc8, ...seededBytes(511, 20261122)])),
    expected: MalformedMessage,
    warning: 'malformed message',
  },
  {
    label: 'sync update whose length prefix runs past the end of the frame',
    send: (socket) => {
      const frame = syncUpdateFrame(paragraphUpdate('Diagnoza potrzeb mieszkańców gminy'));
      socket.sendBinary(frame.slice(0, Math.floor(frame.length / 2)));
    },
    expected: MalformedMessage,
    warning: 'malformed message',
  },
  {
    label: 'sync update frame carrying a cut Yjs update',
    send: (socket) => {
      const update = paragraphUpdate('Kierunki interwencji dla osób z niepełnosprawnościami');
      socket.sendBinary(syncUpdateFrame(update.slice(0, 12)));
    },
    expected: MalformedMessage,
    warning: 'malformed message',
  },
  {
    label: 'sync update that builds on content the server never had, still missing after sync step 2 and a fresh step 1',
    send: sendUpdateThatNeverFits,
    expected: UpdateNotIntegrable,
    warning: 'update depends on content',
  },
  {
    label: 'unknown message type',
    send: (socket) => socket.sendBinary(Uint8Array.from([77, 1, 2, 3])),
    expected: MalformedMessage,
    warning: 'malformed message',
  },
  {
    label: 'a server-only message type sent by a client',
    send: (socket) => socket.sendBinary(Uint8Array.from([MessageType.SaveConfirmed, 1])),
    expected: MalformedMessage,
    warning: 'malformed message',
  },
  {
    label: 'text frame',
    send: (socket) => socket.sendText('{"type":"update"}'),
    expected: UnsupportedFrame,
    warning: 'text frame refused',
  },
  {
    label: '100 KB frame over the 64 KiB limit',
    send: (socket) => socket.sendBinary(syncUpdateFrame(seededBytes(100 * 1024, 7))),
    expected: MessageTooBig,
    warning: 'size limit',
  },
];

describe('bad frames close only the socket that sent them', () => {
  for (const badFrame of badFrames) {
    it(`${badFrame.label} → ${badFrame.expected.code}`, async () => {
      const log = new RecordingLogger();
      const server = await startTestServer({ log, config: { maxMessageBytes: MAX_MESSAGE_BYTES } });
      const planId = 'plan-limits';
      const [anna, bartek] = [
        connectClient(server.collabUrl, planId, { name: 'Anna' }),
        connectClient(server.collabUrl, planId, { name: 'Bartek' }),
      ] as const;
      await Promise.all([waitForSync(anna), waitForSync(bartek)]);
      const providerCloses: number[] = [];
      for (const client of [anna, bartek]) {
        client.provider.on('connection-close', (event: { code: number } | null) => providerCloses.push(event?.code ?? -1));
      }
      appendParagraph(anna, 'przed');
      await waitFor(() => bartek.content.length === 1, { message: 'edit before the bad frame did not arrive' });

      const bystander = await RawCollabSocket.connect(server.collabUrl, planId, 'Bystander');
      const offender = await RawCollabSocket.connect(server.collabUrl, planId, 'Offender');
      const warningsBefore = log.at('warn').length;
      await badFrame.send(offender);
      const close = await offender.waitForClose();
      expect(close.code).toBe(badFrame.expected.code);
      if (badFrame.expected !== MessageTooBig) expect(close.reason).toBe(badFrame.expected.reason);

      const warnings = log.at('warn').slice(warningsBefore);
      expect(warnings.some((line) => line.message.includes(badFrame.warning))).toBe(true);
      expect(log.at('error')).toEqual([]);

      // Everyone else is untouched and keeps syncing, both ways.
      expect(bystander.isOpen).toBe(true);
      appendParagraph(bartek, 'po złej ramce od Bartka');
      appendParagraph(anna, 'po złej ramce od Anny');
      await waitFor(() => anna.content.length === 3 && bartek.content.length === 3, {
        message: 'edits after the bad frame did not sync',
      });
      expect(anna.text()).toBe(bartek.text());
      await anna.channel.whenSaved();
      expect(providerCloses).toEqual([]);
      expect(bystander.isOpen).toBe(true);

      // The server still accepts new clients, who get the whole document.
      const late = connectClient(server.collabUrl, planId, { name: 'Celina' });
      await waitForSync(late);
      expect(late.text()).toBe(anna.text());
    });
  }
});

describe('an update that builds on content the server never had', () => {
  it('is dropped, so it cannot make the stored plan unloadable after compaction and a restart', async () => {
    const server = await startTestServer();
    const planId = 'plan-orphan';
    const anna = connectClient(server.collabUrl, planId, { name: 'Anna' });
    await waitForSync(anna);
    appendParagraph(anna, 'Cele strategiczne');
    await anna.channel.whenSaved();
    const offender = await RawCollabSocket.connect(server.collabUrl, planId, 'Offender');
    await sendUpdateThatNeverFits(offender);
    expect((await offender.waitForClose()).code).toBe(UpdateNotIntegrable.code);
    anna.destroy();

    // restart() stops the server, which compacts the plan into one state row, and starts it again.
    const restarted = await server.restart();
    const reader = connectClient(restarted.collabUrl, planId, { name: 'Czytelnik' });
    await waitForSync(reader);
    expect(reader.text()).toBe('Cele strategiczne');
  });
});

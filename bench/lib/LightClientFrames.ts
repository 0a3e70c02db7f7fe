import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { encodeClientFrame, patchMasked, type MaskedFrame } from './rawWebSocket/encodeClientFrame.js';
import { frameOutgoing, openingFrames, type Framing } from './WireFraming.js';
import { LIGHT_EDITS_FIELD } from './lightClientMessages.js';

const SYNC = 0;
/** Not representable as float32, so Yjs (lib0 writeAny) writes it as a float64: type 123 + 8 bytes, found and replaced. */
const SEND_TIME_PLACEHOLDER = 1234567890123.5;
const FLOAT64_TYPE = 123;
/** An awareness update with no entries: what a client without a presence state answers to a query. */
const EMPTY_AWARENESS = new Uint8Array([1, 1, 0]);
/** [Sync][SyncStep1][length 1][empty state vector]. */
const EMPTY_SYNC_STEP_1 = new Uint8Array([SYNC, syncProtocol.messageYjsSyncStep1, 1, 0]);
/** [Sync][SyncStep2][length 2][0 structs][0 deletes]: an empty client's whole state. */
const EMPTY_SYNC_STEP_2 = new Uint8Array([SYNC, syncProtocol.messageYjsSyncStep2, 2, 0, 0]);

/** One edit, encoded and masked in advance; only its send time is written just before sending. */
export interface StampableEdit {
  frame: MaskedFrame;
  sendTimeOffset: number;
}

/**
 * Every frame one light client ever sends, encoded before the measurement, so
 * sending costs a copy of 8 bytes and a socket write. Edits are real Yjs
 * updates made by a Y.Doc of the client's own (`${clientID}:${seq}` → send
 * time in the root map `light`), which any server integrates at constant cost.
 */
export class LightClientFrames {
  readonly opening: Buffer[];
  readonly syncStep1: Buffer;
  readonly syncStep2Answer: Buffer;
  readonly awarenessAnswer: Buffer;
  private readonly framing: Framing;
  private readonly documentName: string;
  private readonly timeBytes = Buffer.alloc(8);

  constructor(framing: Framing, documentName: string) {
    this.framing = framing;
    this.documentName = documentName;
    this.opening = openingFrames(framing, documentName).map((frame) => encodeClientFrame(frame).bytes);
    this.syncStep1 = this.encode(EMPTY_SYNC_STEP_1).bytes;
    this.syncStep2Answer = this.encode(EMPTY_SYNC_STEP_2).bytes;
    this.awarenessAnswer = this.encode(EMPTY_AWARENESS).bytes;
  }

  /** A sync update frame carrying `update` (a room's seed content). */
  updateFrame(update: Uint8Array): Buffer {
    return this.encode(syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update))).bytes;
  }

  /** `count` edits of one new Yjs client, in the order they must be sent. */
  prepareEdits(count: number): StampableEdit[] {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const edits = doc.getMap<number>(LIGHT_EDITS_FIELD);
    for (let sequence = 0; sequence < count; sequence++) edits.set(`${doc.clientID}:${sequence}`, SEND_TIME_PLACEHOLDER);
    doc.destroy();
    return updates.map((update) => {
      const payload = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
      const framed = frameOutgoing(this.framing, this.documentName, payload);
      return { frame: encodeClientFrame(framed), sendTimeOffset: findPlaceholder(framed) };
    });
  }

  /** Writes the send time into a prepared edit and returns the bytes to send. */
  stamp(edit: StampableEdit, sendTime: number): Buffer {
    this.timeBytes.writeDoubleBE(sendTime, 0);
    patchMasked(edit.frame, edit.sendTimeOffset, this.timeBytes);
    return edit.frame.bytes;
  }

  private encode(frame: Uint8Array): MaskedFrame {
    return encodeClientFrame(frameOutgoing(this.framing, this.documentName, frame));
  }
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function findPlaceholder(payload: Uint8Array): number {
  const pattern = Buffer.alloc(9);
  pattern[0] = FLOAT64_TYPE;
  pattern.writeDoubleBE(SEND_TIME_PLACEHOLDER, 1);
  const at = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).lastIndexOf(pattern);
  if (at === -1) throw new Error('the send-time placeholder is not in the encoded edit');
  return at + 1;
}

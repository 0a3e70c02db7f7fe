import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { onTestFinished } from 'vitest';
import { MessageType } from '../../shared/protocol/messageType.js';

export interface RawClient {
  socket: WebSocket;
  received: Uint8Array[];
  /** Resolves with the close code and reason once the socket is closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Sends a hand-made Yjs update frame, bypassing any UI or provider. */
  sendUpdate(update: Uint8Array): void;
}

export interface RawConnectResult {
  client: RawClient | null;
  /** HTTP status when the upgrade was refused. */
  refusedStatus: number | null;
}

/** A WebSocket that speaks the wire format by hand, as an attacker's script would. */
export function connectRaw(url: string, headers: Record<string, string> = {}): Promise<RawConnectResult> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    onTestFinished(() => socket.terminate());
    const received: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolveClosed) => {
      socket.on('close', (code, reason) => resolveClosed({ code, reason: reason.toString() }));
    });
    socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    socket.on('unexpected-response', (_request, response) => {
      resolve({ client: null, refusedStatus: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('error', () => undefined);
    socket.on('open', () =>
      resolve({
        refusedStatus: null,
        client: {
          socket,
          received,
          closed,
          sendUpdate(update) {
            const encoder = encoding.createEncoder();
            encoding.writeVarUint(encoder, MessageType.Sync);
            syncProtocol.writeUpdate(encoder, update);
            socket.send(encoding.toUint8Array(encoder));
          },
        },
      }),
    );
  });
}

/** A Yjs update that appends a paragraph with `text` to the plan content. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('content').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

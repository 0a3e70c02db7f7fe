import WebSocket from 'ws';
import { onTestFinished } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../shared/protocol/messageType.js';
import { DOCUMENT_SCHEMA_VERSION, SCHEMA_CONNECTION_PARAM } from '../../shared/documentSchema.js';
import { PROJECT_MESSAGES_PARAM, PROJECT_MESSAGES_VALUE } from '../../shared/protocol/projectMessagesParam.js';
import { waitFor } from './waitFor.js';

export interface SocketClose {
  code: number;
  reason: string;
}

/**
 * A bare `ws` socket on /collab/<planId> that speaks no protocol by itself,
 * so tests can send exactly the frames a broken or hostile client would.
 */
export class RawCollabSocket {
  readonly messages: Uint8Array[] = [];
  readonly closed: Promise<SocketClose>;

  private constructor(readonly socket: WebSocket) {
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.messages.push(new Uint8Array(data));
    });
    this.closed = new Promise((resolve) => {
      socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }));
    });
  }

  /** Opens the socket and waits until the server sent its first frames (the document is loaded). */
  static async connect(collabUrl: string, planId: string, name = 'Raw'): Promise<RawCollabSocket> {
    const { client, refusedStatus } = await RawCollabSocket.open(`${collabUrl}/${planId}?name=${encodeURIComponent(name)}`);
    if (client === null) throw new Error(`upgrade refused with HTTP ${refusedStatus}`);
    await client.waitForMessage(() => true);
    return client;
  }

  /**
   * Opens a socket on `url` with extra upgrade headers (cookie, origin), as an
   * attacker's script could; an upgrade the server refuses gives its HTTP status.
   * The URL announces the current document schema as the real client does,
   * unless it names one itself or `schema` is null (a client from before schemas),
   * and that it understands the project's own messages unless `projectMessages` is false.
   */
  static open(
    url: string,
    headers: Record<string, string> = {},
    { schema = String(DOCUMENT_SCHEMA_VERSION), projectMessages = true }: { schema?: string | null; projectMessages?: boolean } = {},
  ): Promise<{ client: RawCollabSocket | null; refusedStatus: number | null }> {
    const socket = new WebSocket(withProjectMessages(withSchema(url, schema), projectMessages), { headers });
    onTestFinished(() => {
      if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    });
    const raw = new RawCollabSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve({ client: raw, refusedStatus: null }));
      socket.once('unexpected-response', (_request, response) => {
        resolve({ client: null, refusedStatus: response.statusCode ?? 0 });
        socket.terminate();
      });
      socket.on('error', (error) => {
        if (socket.readyState !== WebSocket.CLOSED) reject(error);
      });
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  sendBinary(frame: Uint8Array): void {
    this.socket.send(frame, { binary: true });
  }

  /** A sync `update` frame with a hand-made Yjs update, bypassing any provider or UI. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeUpdate(encoder, update);
    this.sendBinary(encoding.toUint8Array(encoder));
  }

  sendText(text: string): void {
    this.socket.send(text, { binary: false });
  }

  /** Waits for a received frame whose first varUint is `messageType` and that `predicate` accepts. */
  async waitForMessage(
    predicate: (frame: Uint8Array) => boolean,
    options: { messageType?: number; timeoutMs?: number } = {},
  ): Promise<Uint8Array> {
    let found: Uint8Array | undefined;
    await waitFor(
      () => {
        found = this.messages.find(
          (frame) =>
            (options.messageType === undefined || decoding.readVarUint(decoding.createDecoder(frame)) === options.messageType) &&
            predicate(frame),
        );
        return found !== undefined;
      },
      { timeoutMs: options.timeoutMs ?? 5_000, message: 'expected frame never arrived' },
    );
    return found as Uint8Array;
  }

  /** Resolves with the close, or rejects if the server did not close the socket in time. */
  async waitForClose(timeoutMs = 5_000): Promise<SocketClose> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`socket was not closed within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function withProjectMessages(url: string, projectMessages: boolean): string {
  if (!projectMessages || url.includes(`${PROJECT_MESSAGES_PARAM}=`)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${PROJECT_MESSAGES_PARAM}=${PROJECT_MESSAGES_VALUE}`;
}

function withSchema(url: string, schema: string | null): string {
  // Appended as text: parsing the URL would normalise paths that tests send on purpose.
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  if (schema === null || new URLSearchParams(query).has(SCHEMA_CONNECTION_PARAM)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${SCHEMA_CONNECTION_PARAM}=${encodeURIComponent(schema)}`;
}

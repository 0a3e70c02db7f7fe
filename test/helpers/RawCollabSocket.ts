import WebSocket from 'ws';
import { onTestFinished } from 'vitest';
import * as decoding from 'lib0/decoding';
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
    const socket = new WebSocket(`${collabUrl}/${planId}?name=${encodeURIComponent(name)}`);
    const raw = new RawCollabSocket(socket);
    onTestFinished(() => {
      if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await raw.waitForMessage(() => true);
    return raw;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  sendBinary(frame: Uint8Array): void {
    this.socket.send(frame, { binary: true });
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

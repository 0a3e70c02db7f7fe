import WebSocket from 'ws';
import { frameOutgoing, openingFrames, unframeIncoming } from './WireFraming.js';

/**
 * The subset of the browser WebSocket that y-websocket's WebsocketProvider
 * uses, over a Hocuspocus connection: adds the document-name prefix and the
 * Auth message, strips Hocuspocus-only messages. So the same stock provider
 * runs against every server in the bench.
 */
export class HocuspocusSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  binaryType = 'arraybuffer';
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: Uint8Array }) => void) | null = null;
  private readonly socket: WebSocket;
  private readonly documentName: string;

  constructor(address: string | URL, protocols?: string | string[]) {
    const url = new URL(String(address));
    this.documentName = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    this.socket = new WebSocket(url, protocols, { perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.socket.onopen = (event) => {
      for (const frame of openingFrames('hocuspocus', this.documentName)) this.socket.send(frame);
      this.onopen?.(event);
    };
    this.socket.onclose = (event) => this.onclose?.(event);
    this.socket.onerror = (event) => this.onerror?.(event);
    this.socket.onmessage = (event) => {
      const data = event.data as Buffer;
      const frame = unframeIncoming('hocuspocus', new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (frame !== null) this.onmessage?.({ data: frame });
    };
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  send(frame: Uint8Array): void {
    this.socket.send(frameOutgoing('hocuspocus', this.documentName, frame));
  }

  close(): void {
    this.socket.close();
  }
}

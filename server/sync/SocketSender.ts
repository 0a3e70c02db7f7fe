import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import { MessageType } from '../../shared/protocol/messageType.js';

export interface SocketSenderOptions {
  socket: WebSocket;
  /** Over this many bytes waiting in the socket, broadcasts are held back (merged) until it drains. */
  maxBufferedBytes: number;
  /** Nothing taken in for this long while something waits, or held back this long: the socket is stuck. */
  stallTimeoutMs: number;
  /** The socket is stuck; the connection closes it. */
  onStalled: (details: { bufferedBytes: number; heldBackBytes: number }) => void;
  /** A write failed; the connection closes. */
  onError: (error: Error) => void;
  /** The socket drained after broadcasts were held back; send the awareness states if asked. */
  onCaughtUp: (hasMissedAwareness: boolean) => void;
}

/**
 * The outgoing side of one socket, with backpressure. A socket that does not
 * read (or reads slower than the document changes) must not make the server
 * buffer without end: past `maxBufferedBytes` it gets no broadcasts; the
 * document updates it missed are merged and sent as one frame once it
 * drains, and a socket that stays stuck is reported as stalled.
 */
export class SocketSender {
  private writesInFlight = 0;
  private lastProgressAt = 0;
  private heldBackSince: number | null = null;
  private heldBackUpdates: Uint8Array[] = [];
  private heldBackBytes = 0;
  private hasMissedAwareness = false;
  private stallTimer: NodeJS.Timeout | null = null;
  private isStopped = false;

  constructor(private readonly options: SocketSenderOptions) {}

  /** Bytes the socket has not handed to the operating system yet. */
  get bufferedBytes(): number {
    return this.options.socket.bufferedAmount;
  }

  /** Whether every frame sent so far was handed to the operating system. */
  get isDrained(): boolean {
    return this.writesInFlight === 0;
  }

  /** A frame this client must get (a reply, its access mode); `onWritten` runs once the socket took it. */
  send(frame: Uint8Array, onWritten?: () => void): void {
    const { socket } = this.options;
    if (this.isStopped || socket.readyState !== socket.OPEN) return;
    if (this.writesInFlight === 0) this.lastProgressAt = performance.now();
    this.writesInFlight += 1;
    this.watchForStall();
    socket.send(frame, (error) => {
      this.writesInFlight -= 1;
      this.lastProgressAt = performance.now();
      if (error) {
        this.options.onError(error);
        return;
      }
      onWritten?.();
      if (this.heldBackSince !== null && !this.isCongested()) this.catchUp();
    });
  }

  /** A document update every peer gets; `update` is its payload, merged with others if held back. */
  sendDocumentUpdate(frame: Uint8Array, update: Uint8Array): void {
    if (!this.shouldHoldBack()) {
      this.send(frame);
      return;
    }
    this.heldBackUpdates.push(update);
    this.heldBackBytes += update.byteLength;
    if (this.heldBackBytes > this.options.maxBufferedBytes) this.reportStall();
  }

  /** An awareness change every peer gets; a socket that is behind gets all states once it drains instead. */
  sendAwarenessUpdate(frame: Uint8Array): void {
    if (!this.shouldHoldBack()) {
      this.send(frame);
      return;
    }
    this.hasMissedAwareness = true;
  }

  stop(): void {
    this.isStopped = true;
    this.heldBackUpdates = [];
    if (this.stallTimer !== null) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  private isCongested(): boolean {
    return this.options.socket.bufferedAmount > this.options.maxBufferedBytes;
  }

  private shouldHoldBack(): boolean {
    if (this.heldBackSince !== null) return true;
    if (!this.isCongested()) return false;
    this.heldBackSince = performance.now();
    this.watchForStall();
    return true;
  }

  /** One resync: everything held back as one update frame. */
  private catchUp(): void {
    const updates = this.heldBackUpdates;
    const hasMissedAwareness = this.hasMissedAwareness;
    this.heldBackUpdates = [];
    this.heldBackBytes = 0;
    this.hasMissedAwareness = false;
    this.heldBackSince = null;
    if (updates.length > 0) {
      const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      this.send(encodeUpdateFrame(merged));
    }
    this.options.onCaughtUp(hasMissedAwareness);
  }

  private watchForStall(): void {
    if (this.stallTimer !== null || this.isStopped) return;
    this.stallTimer = setTimeout(this.checkStall, this.options.stallTimeoutMs);
    this.stallTimer.unref();
  }

  private readonly checkStall = (): void => {
    this.stallTimer = null;
    if (this.isStopped) return;
    const now = performance.now();
    const { stallTimeoutMs } = this.options;
    const isWriteStuck = this.writesInFlight > 0 && now - this.lastProgressAt >= stallTimeoutMs;
    const isHeldBackTooLong = this.heldBackSince !== null && now - this.heldBackSince >= stallTimeoutMs;
    if (isWriteStuck || isHeldBackTooLong) {
      this.reportStall();
      return;
    }
    if (this.writesInFlight > 0 || this.heldBackSince !== null) {
      const since = Math.min(this.writesInFlight > 0 ? this.lastProgressAt : now, this.heldBackSince ?? now);
      this.stallTimer = setTimeout(this.checkStall, Math.max(1, since + stallTimeoutMs - now));
      this.stallTimer.unref();
    }
  };

  private reportStall(): void {
    if (this.isStopped) return;
    const details = { bufferedBytes: this.bufferedBytes, heldBackBytes: this.heldBackBytes };
    this.stop();
    this.options.onStalled(details);
  }
}

function encodeUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Walks the WebSocket frames a server sends (RFC 6455, section 5.2) over raw
 * TCP chunks: reads each header, skips the payload by its length and counts.
 * It never copies or decodes a payload; it only hands out the first
 * `peekBytes` of each data message (enough to tell a sync step 2 or an
 * awareness query from an update) and the few bytes of control frames.
 */

const OPCODE_CONTINUATION = 0x0;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const FIN_BIT = 0x80;
const MASK_BIT = 0x80;
/** Longest header (2 + 8 length + 4 mask) plus the longest control payload (125). */
const MAX_HEAD_BYTES = 14 + 125;

export interface FrameHeaderWalkerEvents {
  /** The first bytes of a data message (fewer if the message is shorter). */
  onMessageHead?(head: Buffer): void;
  onPing(payload: Buffer): void;
  onClose(): void;
}

interface Head {
  /** Bytes from the frame start to the end of what was read (header + peeked or control payload). */
  length: number;
  /** Payload bytes after `length` still to skip. */
  remaining: number;
}

export class FrameHeaderWalker {
  /** Complete data messages (final frame seen). */
  messages = 0;
  /** Payload bytes of data frames. */
  payloadBytes = 0;
  private skip = 0;
  private leftover: Buffer | null = null;

  constructor(
    private readonly events: FrameHeaderWalkerEvents,
    private readonly peekBytes: number,
  ) {
    if (peekBytes + 14 > MAX_HEAD_BYTES) throw new Error(`peekBytes ${peekBytes} is longer than a head may be`);
  }

  push(chunk: Buffer): void {
    let position = 0;
    if (this.leftover !== null) {
      // Only the few bytes that complete the head are copied, never the whole chunk.
      const joined = Buffer.concat([this.leftover, chunk.subarray(0, MAX_HEAD_BYTES)]);
      const head = this.readHead(joined, 0);
      if (head === null) {
        this.leftover = joined;
        return;
      }
      position = head.length - this.leftover.length;
      this.leftover = null;
      this.skip = head.remaining;
    }
    while (position < chunk.length) {
      if (this.skip > 0) {
        const skipped = Math.min(this.skip, chunk.length - position);
        this.skip -= skipped;
        position += skipped;
        continue;
      }
      const head = this.readHead(chunk, position);
      if (head === null) {
        this.leftover = Buffer.from(chunk.subarray(position));
        return;
      }
      position += head.length;
      this.skip = head.remaining;
    }
  }

  /** Reads one frame's header (and what is peeked) at `start`; null when the buffer ends first. */
  private readHead(buffer: Buffer, start: number): Head | null {
    const available = buffer.length - start;
    if (available < 2) return null;
    const first = buffer[start] as number;
    const second = buffer[start + 1] as number;
    const opcode = first & 0x0f;
    let headerLength = 2;
    let payloadLength = second & 0x7f;
    if (payloadLength === 126) {
      if (available < 4) return null;
      payloadLength = buffer.readUInt16BE(start + 2);
      headerLength = 4;
    } else if (payloadLength === 127) {
      if (available < 10) return null;
      payloadLength = buffer.readUInt32BE(start + 2) * 2 ** 32 + buffer.readUInt32BE(start + 6);
      headerLength = 10;
    }
    // Servers do not mask; skip a mask key if one ever does (its payload is then not peeked).
    const isMasked = (second & MASK_BIT) !== 0;
    if (isMasked) headerLength += 4;
    const isControl = (opcode & 0x8) !== 0;
    const readPayload = isControl ? payloadLength : opcode === OPCODE_CONTINUATION || isMasked ? 0 : Math.min(this.peekBytes, payloadLength);
    if (available < headerLength + readPayload) return null;
    const payloadStart = start + headerLength;
    if (isControl) {
      if (opcode === OPCODE_PING) this.events.onPing(buffer.subarray(payloadStart, payloadStart + payloadLength));
      else if (opcode === OPCODE_CLOSE) this.events.onClose();
    } else {
      this.payloadBytes += payloadLength;
      if ((first & FIN_BIT) !== 0) this.messages++;
      if (readPayload > 0) this.events.onMessageHead?.(buffer.subarray(payloadStart, payloadStart + readPayload));
    }
    return { length: headerLength + readPayload, remaining: payloadLength - readPayload };
  }
}

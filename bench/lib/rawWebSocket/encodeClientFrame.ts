import { randomBytes } from 'node:crypto';

export const OPCODE_BINARY = 0x2;
export const OPCODE_CLOSE = 0x8;
export const OPCODE_PONG = 0xa;

/** A client frame must be masked (RFC 6455, 5.3); servers close the socket otherwise. */
export interface MaskedFrame {
  bytes: Buffer;
  /** Where the masked payload starts, so a caller may patch bytes in place (see patchMasked). */
  payloadStart: number;
  maskKey: Buffer;
}

/** One final, masked frame carrying `payload`, encoded once so it can be sent many times. */
export function encodeClientFrame(payload: Uint8Array, opcode = OPCODE_BINARY): MaskedFrame {
  const length = payload.byteLength;
  const lengthBytes = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const payloadStart = 2 + lengthBytes + 4;
  const bytes = Buffer.allocUnsafe(payloadStart + length);
  bytes[0] = 0x80 | opcode;
  if (lengthBytes === 0) bytes[1] = 0x80 | length;
  else if (lengthBytes === 2) {
    bytes[1] = 0x80 | 126;
    bytes.writeUInt16BE(length, 2);
  } else {
    bytes[1] = 0x80 | 127;
    bytes.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    bytes.writeUInt32BE(length >>> 0, 6);
  }
  const maskKey = randomBytes(4);
  maskKey.copy(bytes, 2 + lengthBytes);
  for (let index = 0; index < length; index++) {
    bytes[payloadStart + index] = (payload[index] as number) ^ (maskKey[index & 3] as number);
  }
  return { bytes, payloadStart, maskKey };
}

/** Overwrites payload bytes of an encoded frame, masking them with the frame's key. */
export function patchMasked(frame: MaskedFrame, payloadOffset: number, plain: Uint8Array): void {
  for (let index = 0; index < plain.byteLength; index++) {
    const offset = payloadOffset + index;
    frame.bytes[frame.payloadStart + offset] = (plain[index] as number) ^ (frame.maskKey[offset & 3] as number);
  }
}

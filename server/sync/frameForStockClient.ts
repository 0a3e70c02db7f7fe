import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { MessageType } from '../../shared/protocol/messageType.js';

/**
 * What a client that speaks only the y-websocket protocol is sent instead of
 * `frame`: y-websocket frames as they are, a refused write or an access mode
 * short of writing as the protocol's own permission-denied message
 * (y-protocols/auth), and nothing for the project's other messages, which a
 * stock provider would only log as "Unable to compute message".
 */
export function frameForStockClient(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  const messageType = decoding.readVarUint(decoder);
  if (messageType < MessageType.SaveRequest) return frame;
  if (messageType === MessageType.WriteRefused) return encodePermissionDenied(decoding.readVarString(decoder));
  if (messageType === MessageType.AccessMode) {
    // A stock client cannot keep to suggestions either: for it, anything short of writing is read-only.
    const mode = decoding.readVarString(decoder);
    return mode === 'read-write' ? null : encodePermissionDenied(mode);
  }
  return null;
}

function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/**
 * How a server frames y-websocket messages. The plan editor, y-websocket-server
 * and the relay speak the stock format (room in the URL, `varUint type` +
 * payload). Hocuspocus multiplexes documents over one socket: every frame
 * starts with the document name, a client must send an Auth message first,
 * and the server adds its own types (SyncReply = 4, Auth = 2, SyncStatus = 8).
 */
export type Framing = 'y-websocket' | 'hocuspocus';

const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const SYNC = 0;
const AWARENESS = 1;
const QUERY_AWARENESS = 3;

/** Frames a client must send right after the socket opens, before any sync message. */
export function openingFrames(framing: Framing, documentName: string): Uint8Array[] {
  if (framing === 'y-websocket') return [];
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
  encoding.writeVarUint(encoder, 0); // submessage Token
  encoding.writeVarString(encoder, '');
  return [encoding.toUint8Array(encoder)];
}

/** A stock y-websocket frame as this server expects it. */
export function frameOutgoing(framing: Framing, documentName: string, frame: Uint8Array): Uint8Array {
  if (framing === 'y-websocket') return frame;
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeUint8Array(encoder, frame);
  return encoding.toUint8Array(encoder);
}

/** The stock y-websocket frame inside a server frame, or null for server-only messages. */
export function unframeIncoming(framing: Framing, frame: Uint8Array): Uint8Array | null {
  if (framing === 'y-websocket') return frame;
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const typeStart = decoder.pos;
  const type = decoding.readVarUint(decoder);
  if (type === SYNC || type === HOCUSPOCUS_SYNC_REPLY) {
    const rest = frame.subarray(decoder.pos);
    const out = new Uint8Array(rest.byteLength + 1);
    out[0] = SYNC;
    out.set(rest, 1);
    return out;
  }
  if (type === AWARENESS || type === QUERY_AWARENESS) return frame.subarray(typeStart);
  return null;
}

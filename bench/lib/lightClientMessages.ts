import type { Framing } from './WireFraming.js';

/** One group of light clients on one plan. */
export interface LightRoom {
  planId: string;
  headers: Record<string, string>;
  clients: number;
  /** A Yjs update (base64) the room's first client writes once synced, so the plan holds content. */
  seedBase64?: string;
}

/** Bench → light-client process. Each request carries an id; the reply repeats it. */
export type LightRequest =
  | { id: number; kind: 'connect'; serverUrl: string; framing: Framing; rooms: LightRoom[]; timeoutMs: number }
  /** Encodes every client's edits in advance, outside the measured window. */
  | { id: number; kind: 'prepareEdits'; editsPerClient: number }
  | { id: number; kind: 'edit'; editsPerSecond: number; editsPerClient: number }
  | { id: number; kind: 'stats' }
  | { id: number; kind: 'disconnect' };

export interface LightStats {
  open: number;
  /** Complete WebSocket messages received by all clients. */
  framesReceived: number;
  /** Their payload bytes (frame headers not counted). */
  bytesReceived: number;
  editsSent: number;
}

/** Light-client process → bench. */
export type LightReply =
  | { id: number; kind: 'connected'; syncMs: number[]; failed: number }
  | { id: number; kind: 'prepared' }
  | { id: number; kind: 'edited'; editsSent: number }
  | { id: number; kind: 'stats'; stats: LightStats }
  | { id: number; kind: 'disconnected' }
  | { id: number; kind: 'error'; message: string };

/** Root map the light clients write their edits to: `${clientID}:${seq}` → send time. */
export const LIGHT_EDITS_FIELD = 'light';

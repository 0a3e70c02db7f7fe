/**
 * First varUint of every WebSocket frame. 0-3 are the y-websocket wire format;
 * the project's own messages start at 100 so they can never collide with it.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** client → server: "tell me when everything I sent before this is on disk" (varUint nonce) */
  SaveRequest: 100,
  /** server → client: every frame sent before the matching SaveRequest is committed (varUint nonce) */
  SaveConfirmed: 101,
  /** server → client: the connection's access mode (varString `AccessMode`) */
  AccessMode: 102,
  /** server → client: a write was refused and not applied (varString reason) */
  WriteRefused: 103,
  /** server → client: a server-authored plan event, JSON (`PlanEvent` in shared/events/PlanEvent.ts) */
  PlanEvent: 104,
  /** server → client: whether the server can store changes right now (varUint 1 = yes, 0 = no, e.g. a full disk) */
  StorageStatus: 105,
  /** server → client: the plan nears its size limit (varUint bytes, varUint maximum); sent from 80 % on, in 5 % steps, and once more when it falls back below */
  DocumentSize: 106,
  /** server → client: the caret colour the server gave this connection, as others see it (varString #rrggbb); the client marks its suggestions in it */
  PresenceColor: 107,
} as const;

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

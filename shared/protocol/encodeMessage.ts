import * as encoding from 'lib0/encoding';
import { MessageType } from './messageType.js';
import type { AccessMode } from './accessMode.js';

/** Encoders for the project's own message types (see messageType.ts). */

export function encodeSaveRequest(nonce: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SaveRequest);
  encoding.writeVarUint(encoder, nonce);
  return encoding.toUint8Array(encoder);
}

export function encodeSaveConfirmed(nonce: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SaveConfirmed);
  encoding.writeVarUint(encoder, nonce);
  return encoding.toUint8Array(encoder);
}

export function encodeAccessMode(mode: AccessMode): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AccessMode);
  encoding.writeVarString(encoder, mode);
  return encoding.toUint8Array(encoder);
}

export function encodePresenceColor(color: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.PresenceColor);
  encoding.writeVarString(encoder, color);
  return encoding.toUint8Array(encoder);
}

export function encodeWriteRefused(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.WriteRefused);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export function encodePlanEvent(eventJson: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.PlanEvent);
  encoding.writeVarString(encoder, eventJson);
  return encoding.toUint8Array(encoder);
}

export function encodeStorageStatus(canStore: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.StorageStatus);
  encoding.writeVarUint(encoder, canStore ? 1 : 0);
  return encoding.toUint8Array(encoder);
}

export function encodeDocumentSize(bytes: number, maxBytes: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.DocumentSize);
  encoding.writeVarUint(encoder, bytes);
  encoding.writeVarUint(encoder, maxBytes);
  return encoding.toUint8Array(encoder);
}

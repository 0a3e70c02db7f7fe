import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../shared/protocol/messageType.js';
import type { AccessMode } from '../../shared/protocol/accessMode.js';
import { encodeWriteRefused } from '../../shared/protocol/encodeMessage.js';
import type { SharedDocument } from './SharedDocument.js';
import { assertCompleteUpdate } from '../persistence/assertCompleteUpdate.js';
import { filterAwarenessUpdate, type AwarenessIdentity } from './filterAwarenessUpdate.js';

/** The connection-side state the protocol switch reads and updates. */
export interface MessageSource {
  readonly id: number;
  readonly accessMode: AccessMode;
  readonly identity: AwarenessIdentity;
  awarenessClientId: number | null;
  send(frame: Uint8Array): void;
  /** An update that decoded but Yjs could not apply (found later, when the turn's updates are applied). */
  refuseMalformed(error: unknown): void;
  /** Answers a sync step 1 (the connection coalesces requests while a reply is still on its way). */
  requestMissingUpdate(stateVector: Uint8Array): void;
  /** Applies a client's update or sync step 2 (the connection holds one that builds on content still to come). */
  submitUpdate(update: Uint8Array, isSyncStep2: boolean): void;
  /** Holds a suggest-only update that builds on content still to come; it is judged once that arrived. */
  holdUnjudged(update: Uint8Array, isSyncStep2: boolean): void;
  /** Sends SaveConfirmed(nonce) once everything this connection sent before is committed. */
  confirmWhenSaved(nonce: number): void;
}

export class MalformedMessageError extends Error {}

/** An update that carries no structs and no deletions (what an up-to-date peer sends as step 2). */
const EMPTY_UPDATE_LENGTH = 2;

/** The single rule for writes over WebSocket; the UI only mirrors it. */
export function canWriteContent(source: Pick<MessageSource, 'accessMode'>): boolean {
  // A suggest-only update is written too, once suggestionGuard found it stays inside the member's suggestions.
  return source.accessMode === 'read-write' || source.accessMode === 'suggest-only';
}

/**
 * The switch over message types. Throws MalformedMessageError on anything
 * that does not decode; the caller closes that connection only.
 */
export function handleMessage(
  document: SharedDocument,
  source: MessageSource,
  isClientIdTaken: (clientId: number) => boolean,
  data: Uint8Array,
): void {
  try {
    const decoder = decoding.createDecoder(data);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MessageType.Sync:
        handleSyncMessage(document, source, decoder);
        return;
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        const filtered = filterAwarenessUpdate(update, source.awarenessClientId, source.identity, isClientIdTaken);
        source.awarenessClientId = filtered.clientId;
        if (filtered.update !== null) {
          awarenessProtocol.applyAwarenessUpdate(document.awareness, filtered.update, source);
        }
        return;
      }
      case MessageType.QueryAwareness: {
        const frame = document.encodeAwarenessStates();
        if (frame !== null) source.send(frame);
        return;
      }
      case MessageType.SaveRequest: {
        source.confirmWhenSaved(decoding.readVarUint(decoder));
        return;
      }
      case MessageType.Auth:
        return; // y-websocket reserves it; clients have nothing to say with it
      default:
        throw new MalformedMessageError(`Unknown message type ${messageType}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}

function handleSyncMessage(document: SharedDocument, source: MessageSource, decoder: decoding.Decoder): void {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      source.requestMissingUpdate(decoding.readVarUint8Array(decoder));
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      if (!canWriteContent(source)) {
        if (update.length > EMPTY_UPDATE_LENGTH) source.send(encodeWriteRefused('read-only'));
        return;
      }
      // Checked now, since it is applied only at the end of the turn: a cut update closes this connection at once.
      assertCompleteUpdate(update, 'Update');
      if (source.accessMode === 'suggest-only' && update.length > EMPTY_UPDATE_LENGTH) {
        // Judged before anything is queued: a refused update is neither stored nor broadcast.
        const verdict = document.suggestionGuard.check(update, source.identity.userId);
        if (!verdict.isAllowed) {
          // Typed while its sync step 2 was on the way, like any writer's: held, never refused for it.
          if (verdict.buildsOnMissingContent === true) source.holdUnjudged(update, syncType === syncProtocol.messageYjsSyncStep2);
          else source.send(encodeWriteRefused('suggestions-only'));
          return;
        }
      }
      source.submitUpdate(update, syncType === syncProtocol.messageYjsSyncStep2);
      return;
    }
    default:
      throw new MalformedMessageError(`Unknown sync message type ${syncType}`);
  }
}

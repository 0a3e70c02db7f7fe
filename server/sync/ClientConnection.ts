import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket, RawData } from 'ws';
import { MessageType } from '../../shared/protocol/messageType.js';
import type { AccessMode } from '../../shared/protocol/accessMode.js';
import { encodeAccessMode, encodePresenceColor } from '../../shared/protocol/encodeMessage.js';
import { encodeDocumentSize, encodeSaveConfirmed, encodeStorageStatus, encodeWriteRefused } from '../../shared/protocol/encodeMessage.js';
import {
  ClientTooSlow,
  ConnectionTimeout,
  DocumentUnavailable,
  MalformedMessage,
  MessageTooBig,
  TooManyMessages,
  UnsupportedFrame,
  UpdateNotIntegrable,
  type CloseEvent,
} from '../../shared/protocol/closeCodes.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import type { ClientUpdateCallbacks, DocumentPeer, SharedDocument } from './SharedDocument.js';
import { handleMessage, type MessageSource } from './messageHandler.js';
import type { AwarenessIdentity } from './filterAwarenessUpdate.js';
import type { StoredStateHandoff } from './StoredStateHandoff.js';
import type { SyncLimits } from './SyncLimits.js';
import { SocketSender } from './SocketSender.js';
import { MessageBudget } from './MessageBudget.js';
import { HeldUpdates } from './HeldUpdates.js';
import { oversizedFrameRefusal } from './oversizedFrameRefusal.js';
import { frameForStockClient } from './frameForStockClient.js';

export interface ClientConnectionOptions {
  id: number;
  socket: WebSocket;
  documentName: string;
  identity: AwarenessIdentity;
  sessionKey: string | null;
  accessMode: AccessMode;
  /** The client announced it understands the project's own messages (projectMessagesParam.ts). */
  speaksProjectMessages: boolean;
  /** The peer's IP address, for the per-address connection limit. */
  remoteAddress: string;
  limits: SyncLimits;
  /** Resolves to the loaded document; rejects if it cannot be loaded. */
  document: Promise<SharedDocument>;
  /** The document's stored updates while it is still being loaded (DocumentRegistry.acquireForSync). */
  handoff?: StoredStateHandoff | null;
  isClientIdTaken: (clientId: number) => boolean;
  log: Logger;
  pingIntervalMs: number;
  onClose: (connection: ClientConnection) => void;
}

/**
 * One WebSocket: buffers frames until its document is loaded, feeds them to
 * the protocol switch in order, keeps the socket alive and closes it with a
 * named code on bad input. It never throws into the server.
 */
export class ClientConnection implements DocumentPeer, MessageSource {
  readonly id: number;
  readonly identity: AwarenessIdentity;
  readonly sessionKey: string | null;
  readonly documentName: string;
  readonly remoteAddress: string;
  awarenessClientId: number | null = null;
  private currentAccessMode: AccessMode;
  private readonly socket: WebSocket;
  private readonly options: ClientConnectionOptions;
  private document: SharedDocument | null = null;
  private bufferedFrames: Uint8Array[] = [];
  /** Stored bytes of a document still loading; answers a new client's sync step 1 early. */
  private storedState: Uint8Array[] | null = null;
  /** Set while this connection's client is taking in the stored bytes (see StoredStateHandoff). */
  private releaseHandoff: (() => void) | null = null;
  private isClosed = false;
  private isAlive = true;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly sender: SocketSender;
  private readonly budget: MessageBudget;
  private readonly heldUpdates: HeldUpdates;
  /** The server sent its sync step 1 and the client's step 2 has not arrived yet. */
  private isAwaitingSyncStep2 = true;
  /** The server asked again (a fresh sync step 1) for content an update builds on; once per connection. */
  private hasAskedAgain = false;
  /** Save confirmations waiting for held updates to be applied. */
  private deferredSaveNonces: number[] = [];
  /** A sync step 2 reply is on its way to the socket; further step 1s wait for it (latest one wins). */
  private isReplyInFlight = false;
  private pendingStateVector: Uint8Array | null = null;
  private readonly updateCallbacks: ClientUpdateCallbacks;

  constructor(options: ClientConnectionOptions) {
    this.options = options;
    this.id = options.id;
    this.identity = options.identity;
    this.sessionKey = options.sessionKey;
    this.documentName = options.documentName;
    this.currentAccessMode = options.accessMode;
    this.remoteAddress = options.remoteAddress;
    this.socket = options.socket;
    const { limits } = options;
    this.sender = new SocketSender({
      socket: this.socket,
      maxBufferedBytes: limits.maxBufferedBytes,
      stallTimeoutMs: limits.slowClientTimeoutMs,
      onStalled: (details) => {
        options.log.warn('client does not take in what it is sent; closing the connection', {
          connection: this.id,
          document: this.documentName,
          ...details,
        });
        this.close(ClientTooSlow);
      },
      onError: () => this.close(ConnectionTimeout),
      onCaughtUp: (hasMissedAwareness) => {
        const awarenessFrame = hasMissedAwareness ? this.document?.encodeAwarenessStates() : null;
        if (awarenessFrame) this.send(awarenessFrame);
      },
    });
    this.budget = new MessageBudget(limits.messagesPerSecond, limits.messageBurst);
    this.heldUpdates = new HeldUpdates(limits.maxHeldUpdateBytes);
    this.updateCallbacks = {
      onError: (error) => this.refuseMalformed(error),
      onMissingContent: (update) => this.holdUpdate(update),
      onRefused: (event) => {
        options.log.warn('update refused; closing the connection', { connection: this.id, document: this.documentName, reason: event.reason });
        this.close(event);
      },
    };
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', this.handleFrame);
    this.socket.on('pong', () => {
      this.isAlive = true;
    });
    this.socket.on('error', this.handleSocketError);
    this.socket.on('close', () => this.cleanUp());
    this.pingTimer = setInterval(this.checkAlive, options.pingIntervalMs);
    // The first frame on every path: the mode is known at the upgrade, and a client that counts
    // itself synced (a cold load's stored bytes reach it before the server holds the document)
    // must already know whether it may write.
    this.send(encodeAccessMode(this.currentAccessMode));
    // The colour may differ from the user's usual one (taken by someone present): their suggestions use this one.
    this.send(encodePresenceColor(this.identity.color));
    // Registered before the document's callback, so on a document that is
    // already loaded attach runs first and this finds nothing to do.
    options.document.then(this.attach, (error: unknown) => {
      options.log.error('document load failed; refusing the connection', {
        document: this.documentName,
        connection: this.id,
        error: describeError(error),
      });
      this.close(DocumentUnavailable);
    });
    void options.handoff?.whenRead.then((state) => {
      if (state === null || this.document !== null || this.isClosed) return;
      this.storedState = state;
      this.bufferedFrames = this.bufferedFrames.filter((frame) => !this.answerFromStoredState(frame));
      if (this.bufferedFrames.some(needsDocument)) options.handoff?.hurry();
    });
  }

  get accessMode(): AccessMode {
    return this.currentAccessMode;
  }

  /** Changes what this connection may do from its next frame on, and tells the client. */
  setAccessMode(mode: AccessMode): void {
    if (mode === this.currentAccessMode) return;
    this.currentAccessMode = mode;
    // A client whose writes were refused still holds them, and its next updates build on them
    // (a gap the server would have to refuse). Asked first, as on a reconnect, it sends them
    // before it even learns that it may write.
    if (mode === 'read-write' && this.document !== null) this.send(encodeSyncStep1(this.document));
    this.send(encodeAccessMode(mode));
  }

  send(frame: Uint8Array): void {
    this.sendDirect(frame);
  }

  sendDocumentUpdate(frame: Uint8Array, update: Uint8Array): void {
    if (!this.isClosed) this.sender.sendDocumentUpdate(frame, update);
  }

  sendAwarenessUpdate(frame: Uint8Array): void {
    if (!this.isClosed) this.sender.sendAwarenessUpdate(frame);
  }

  documentSizeChanged(bytes: number, maxBytes: number): void {
    this.send(encodeDocumentSize(bytes, maxBytes));
  }

  storageStatusChanged(canStore: boolean): void {
    // Readers have nothing to lose; writers see "changes not saved: the server cannot store them".
    this.send(encodeStorageStatus(canStore));
  }

  private sendDirect(frame: Uint8Array, onWritten?: () => void): void {
    if (this.isClosed) return;
    const delivered = this.options.speaksProjectMessages ? frame : frameForStockClient(frame);
    if (delivered === null) {
      onWritten?.();
      return;
    }
    this.sender.send(delivered, onWritten);
  }

  /**
   * Closes with `event`. A socket with unsent bytes (it does not read) or
   * one that does not answer the close handshake in time is terminated:
   * neither may hold the server, for example at shutdown.
   */
  close(event: CloseEvent): void {
    if (this.isClosed) return;
    const isStuck = !this.sender.isDrained && this.socket.bufferedAmount > this.options.limits.maxBufferedBytes;
    this.cleanUp();
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(event.code, event.reason);
      const graceMs = isStuck ? 0 : this.options.limits.closeHandshakeTimeoutMs;
      setTimeout(() => this.socket.terminate(), graceMs).unref();
    }
  }

  /** Whether the socket is gone for good. */
  get hasEnded(): boolean {
    return this.socket.readyState === this.socket.CLOSED;
  }

  requestMissingUpdate(stateVector: Uint8Array): void {
    if (this.isReplyInFlight) {
      this.pendingStateVector = stateVector;
      return;
    }
    const document = this.document;
    if (document === null) return;
    this.isReplyInFlight = true;
    if (document.isStorageUnavailable) {
      // Reads go on while the storage is full: from what is stored, never from edits waiting to be.
      document.encodeStoredSyncStep2Frame(stateVector).then(
        (reply) => this.sendDirect(reply, this.replyWritten),
        (error: unknown) => {
          this.options.log.error('answering a sync step 1 from the store failed', { connection: this.id, error: describeError(error) });
          this.close(DocumentUnavailable);
        },
      );
      return;
    }
    // Encoded now (and shared with every request for the same state until the document changes);
    // it may hold updates still being committed, so it goes out once they are.
    const reply = document.encodeSyncStep2Frame(stateVector);
    document.whenPersisted().then(
      () => this.sendDirect(reply, this.replyWritten),
      () => undefined, // the document closes every peer when a write fails
    );
  }

  private readonly replyWritten = (): void => {
    this.isReplyInFlight = false;
    const next = this.pendingStateVector;
    this.pendingStateVector = null;
    if (next !== null && !this.isClosed) this.requestMissingUpdate(next);
  };

  submitUpdate(update: Uint8Array, isSyncStep2: boolean): void {
    const document = this.document;
    if (document === null) return;
    const applied = document.applyClientUpdate(update, this.id, this.updateCallbacks);
    if (!isSyncStep2) return;
    // What the held updates were waiting for arrived; they go in behind it, in the same transaction.
    this.isAwaitingSyncStep2 = false;
    for (const held of this.heldUpdates.takeAll()) {
      if (this.accessMode === 'suggest-only' && !this.isWithinOwnSuggestions(document, held)) continue;
      void document.applyClientUpdate(held, this.id, this.updateCallbacks);
    }
    void applied.then(() => this.releaseDeferredConfirmations());
  }

  holdUnjudged(update: Uint8Array, isSyncStep2: boolean): void {
    // A step 2 that is itself missing content: ask again, as for a writer's (holdUpdate).
    if (isSyncStep2) this.isAwaitingSyncStep2 = false;
    this.holdUpdate(update);
  }

  /** A held suggest-only update, judged now that what it built on arrived (held again if still not). */
  private isWithinOwnSuggestions(document: SharedDocument, update: Uint8Array): boolean {
    const verdict = document.suggestionGuard.check(update, this.identity.userId);
    if (verdict.isAllowed) return true;
    if (verdict.buildsOnMissingContent === true) this.holdUpdate(update);
    else this.send(encodeWriteRefused('suggestions-only'));
    return false;
  }

  /**
   * An update that builds on content the server lacks. Before the client's
   * sync step 2 that is expected (it typed while the step 2 was on its way);
   * after it, the server asks once more with a fresh sync step 1. Only an
   * update that still does not fit closes the connection, with a code the
   * stock provider retries: the new connection's sync resends everything.
   */
  private holdUpdate(update: Uint8Array): void {
    if (this.isClosed || this.document === null) return;
    if (!this.heldUpdates.hold(update)) {
      this.refuseUnintegrable('held updates over their bound');
      return;
    }
    if (this.isAwaitingSyncStep2) return;
    if (this.hasAskedAgain) {
      this.refuseUnintegrable('still missing after a fresh sync step 1');
      return;
    }
    this.hasAskedAgain = true;
    this.isAwaitingSyncStep2 = true;
    this.send(encodeSyncStep1(this.document));
  }

  private refuseUnintegrable(why: string): void {
    this.options.log.warn('update depends on content the server does not have; closing the connection so the client resyncs', {
      connection: this.id,
      document: this.documentName,
      why,
    });
    this.close(UpdateNotIntegrable);
  }

  confirmWhenSaved(nonce: number): void {
    const document = this.document;
    if (document === null) return;
    if (!this.heldUpdates.isEmpty) {
      this.deferredSaveNonces.push(nonce);
      return;
    }
    document.whenPersisted().then(
      () => {
        // An update of this connection may have been held meanwhile: not saved yet.
        if (this.heldUpdates.isEmpty) this.send(encodeSaveConfirmed(nonce));
        else this.deferredSaveNonces.push(nonce);
      },
      () => undefined, // the document closes every peer when a write fails
    );
  }

  private releaseDeferredConfirmations(): void {
    if (!this.heldUpdates.isEmpty || this.deferredSaveNonces.length === 0) return;
    const nonces = this.deferredSaveNonces;
    this.deferredSaveNonces = [];
    for (const nonce of nonces) this.confirmWhenSaved(nonce);
  }

  private readonly attach = (document: SharedDocument): void => {
    if (this.isClosed) return;
    this.document = document;
    this.storedState = null;
    this.stopHoldingHandoff();
    document.addPeer(this);
    if (document.isStorageUnavailable) this.send(encodeStorageStatus(false));
    if (document.isNearSizeLimit) this.send(encodeDocumentSize(document.estimatedSize, document.maxDocumentBytes));
    this.send(encodeSyncStep1(document));
    const awarenessFrame = document.encodeAwarenessStates();
    if (awarenessFrame !== null) this.send(awarenessFrame);
    const buffered = this.bufferedFrames;
    this.bufferedFrames = [];
    for (const frame of buffered) this.process(frame);
  };

  private readonly handleFrame = (data: RawData, isBinary: boolean): void => {
    if (this.isClosed) return;
    if (!isBinary) {
      this.options.log.warn('text frame refused', { connection: this.id, document: this.documentName });
      this.close(UnsupportedFrame);
      return;
    }
    if (!this.budget.take()) {
      this.options.log.warn('message rate over the budget; closing the connection', { connection: this.id, document: this.documentName });
      this.close(TooManyMessages);
      return;
    }
    const frame = toUint8Array(data);
    const oversized = oversizedFrameRefusal(frame, this.options.limits);
    if (oversized !== null) {
      this.options.log.warn('frame over its size limit; closing the connection', {
        connection: this.id,
        document: this.documentName,
        bytes: frame.byteLength,
        reason: oversized.reason,
      });
      this.close(oversized);
      return;
    }
    if (this.document !== null) {
      this.process(frame);
      return;
    }
    // Anything the client sends after the stored bytes, it sent after taking them in.
    this.stopHoldingHandoff();
    if (this.answerFromStoredState(frame)) return;
    this.bufferedFrames.push(frame);
    if (needsDocument(frame)) this.options.handoff?.hurry();
  };

  /**
   * While the document is still being applied on a cold load, a client that
   * has nothing (sync step 1 with an empty state vector) gets the stored
   * bytes at once: they are committed, and they are exactly what the
   * document will hold when the load ends; later updates reach this
   * connection as a peer. An awareness query goes behind the bytes: the
   * client's answer tells the server it has taken them in and the server
   * may apply them without competing for the CPU (StoredStateHandoff).
   * Returns whether the frame was answered.
   */
  private answerFromStoredState(frame: Uint8Array): boolean {
    const parts = this.storedState;
    if (parts === null || !isEmptySyncStep1(frame)) return false;
    this.storedState = null; // once per connection
    this.releaseHandoff = this.options.handoff?.hold() ?? null;
    // In stored order, so each part integrates as it arrives (merging an
    // uncompacted log first costs more than applying it); the last one goes as
    // sync step 2, so the client counts itself synced only once it holds all.
    const last = parts[parts.length - 1];
    for (const part of parts.slice(0, -1)) this.send(encodeSyncFrame(syncProtocol.messageYjsUpdate, part));
    if (last !== undefined) this.send(encodeSyncFrame(syncProtocol.messageYjsSyncStep2, last));
    this.send(QUERY_AWARENESS_FRAME);
    return true;
  }

  private stopHoldingHandoff(): void {
    this.releaseHandoff?.();
    this.releaseHandoff = null;
  }

  refuseMalformed(error: unknown): void {
    this.options.log.warn('malformed message (update Yjs could not apply); closing the connection', {
      connection: this.id,
      document: this.documentName,
      error: describeError(error),
    });
    this.close(MalformedMessage);
  }

  private process(frame: Uint8Array): void {
    const document = this.document;
    if (document === null || this.isClosed) return;
    try {
      handleMessage(document, this, this.options.isClientIdTaken, frame);
    } catch (error) {
      this.options.log.warn('malformed message; closing the connection', {
        connection: this.id,
        document: this.documentName,
        bytes: frame.byteLength,
        error: describeError(error),
      });
      this.close(MalformedMessage);
    }
  }

  private readonly handleSocketError = (error: Error & { code?: string }): void => {
    const isTooBig = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
    this.options.log.warn(isTooBig ? 'message over the size limit; closing the connection' : 'socket error', {
      connection: this.id,
      document: this.documentName,
      error: describeError(error),
    });
    // ws has already started closing the socket (1009 or 1002); just clean up.
    if (isTooBig) this.close(MessageTooBig);
    this.cleanUp();
  };

  private readonly checkAlive = (): void => {
    if (!this.isAlive) {
      this.options.log.info('no pong; dropping the connection', { connection: this.id });
      this.socket.terminate();
      this.cleanUp();
      return;
    }
    this.isAlive = false;
    try {
      this.socket.ping();
    } catch {
      this.cleanUp();
    }
  };

  private cleanUp(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    clearInterval(this.pingTimer);
    this.sender.stop();
    this.stopHoldingHandoff();
    this.bufferedFrames = [];
    this.heldUpdates.clear();
    this.pendingStateVector = null;
    const awarenessClientIds = this.awarenessClientId === null ? [] : [this.awarenessClientId];
    this.document?.removePeer(this, awarenessClientIds);
    this.options.onClose(this);
  }
}

const QUERY_AWARENESS_FRAME = new Uint8Array([MessageType.QueryAwareness]);

function encodeSyncStep1(document: SharedDocument): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, document);
  return encoding.toUint8Array(encoder);
}

function encodeSyncFrame(syncType: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** [Sync][SyncStep1][state vector of length 1: 0 clients]: what a client with an empty document sends. */
function isEmptySyncStep1(frame: Uint8Array): boolean {
  return frame.byteLength === 4 && frame[0] === MessageType.Sync && frame[1] === syncProtocol.messageYjsSyncStep1 && frame[2] === 1 && frame[3] === 0;
}

/** Frames that can wait for a loading document without holding anything up: awareness (presence). */
function needsDocument(frame: Uint8Array): boolean {
  return frame[0] !== MessageType.Awareness && !isEmptySyncStep1(frame);
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

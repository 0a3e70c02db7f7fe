import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/protocol/messageType.js';
import { isAccessMode, type AccessMode } from '../../shared/protocol/accessMode.js';
import { encodeSaveRequest } from '../../shared/protocol/encodeMessage.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';

export interface ServerChannelState {
  /** Local edits not yet confirmed as committed by the server. */
  hasUnsavedChanges: boolean;
  accessMode: AccessMode;
  /** Set when the server refused a write (for example after a demotion). */
  lastRefusal: string | null;
  /** False while the server cannot store changes (a full disk); it keeps them and retries. */
  canServerStore: boolean;
  /** Set while the plan nears its maximum size (the server refuses edits past it). */
  documentSize: { bytes: number; maxBytes: number } | null;
  /** The caret colour the server gave this connection (others see us in it), once it said so. */
  presenceColor: string | null;
}

const PRESENCE_COLOR = /^#[0-9a-fA-F]{6}$/;

type MessageHandler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

/**
 * The project's own messages on top of a stock WebsocketProvider: save
 * confirmations ("all changes saved" only once the server committed them),
 * the access mode, and refused writes. No DOM or React here, so tests use it too.
 */
export class ServerChannel {
  private localChangeCount = 0;
  private savedChangeCount = 0;
  private nextNonce = 1;
  private readonly requestedAt = new Map<number, number>();
  private accessMode: AccessMode = 'read-write';
  private lastRefusal: string | null = null;
  private canServerStore = true;
  private documentSize: { bytes: number; maxBytes: number } | null = null;
  private presenceColor: string | null = null;
  private readonly listeners = new Set<(state: ServerChannelState) => void>();
  private readonly eventListeners = new Set<(event: PlanEvent) => void>();
  private requestTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly requestDelayMs = 30,
  ) {
    const handlers = provider.messageHandlers as MessageHandler[];
    handlers[MessageType.SaveConfirmed] = (_encoder, decoder) => this.confirm(decoding.readVarUint(decoder));
    handlers[MessageType.AccessMode] = (_encoder, decoder) => {
      const mode = decoding.readVarString(decoder);
      if (!isAccessMode(mode)) return;
      this.update(() => {
        this.accessMode = mode;
        // The server asked for the refused changes just before granting writes (a reconnect would send them too).
        if (mode === 'read-write') this.lastRefusal = null;
      });
    };
    handlers[MessageType.WriteRefused] = (_encoder, decoder) => {
      const reason = decoding.readVarString(decoder);
      this.update(() => (this.lastRefusal = reason));
    };
    handlers[MessageType.StorageStatus] = (_encoder, decoder) => {
      const canStore = decoding.readVarUint(decoder) === 1;
      this.update(() => (this.canServerStore = canStore));
    };
    handlers[MessageType.DocumentSize] = (_encoder, decoder) => {
      const bytes = decoding.readVarUint(decoder);
      const maxBytes = decoding.readVarUint(decoder);
      this.update(() => (this.documentSize = maxBytes > 0 && bytes >= maxBytes * 0.8 ? { bytes, maxBytes } : null));
    };
    handlers[MessageType.PresenceColor] = (_encoder, decoder) => {
      const color = decoding.readVarString(decoder);
      if (PRESENCE_COLOR.test(color)) this.update(() => (this.presenceColor = color));
    };
    handlers[MessageType.PlanEvent] = (_encoder, decoder) => {
      const event = parsePlanEvent(decoding.readVarString(decoder));
      if (event !== null) for (const listener of this.eventListeners) listener(event);
    };
    provider.doc.on('update', this.handleDocumentUpdate);
    provider.on('sync', this.handleSync);
    provider.on('status', this.handleStatus);
  }

  get state(): ServerChannelState {
    return {
      hasUnsavedChanges: this.savedChangeCount < this.localChangeCount,
      accessMode: this.accessMode,
      lastRefusal: this.lastRefusal,
      canServerStore: this.canServerStore,
      documentSize: this.documentSize,
      presenceColor: this.presenceColor,
    };
  }

  subscribe(listener: (state: ServerChannelState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Server-authored events (comments, proposals) for this plan, as they happen. */
  onPlanEvent(listener: (event: PlanEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Resolves when every local edit made so far is committed on the server. */
  whenSaved(): Promise<void> {
    if (!this.state.hasUnsavedChanges) return Promise.resolve();
    this.requestSave();
    return new Promise((resolve) => {
      const unsubscribe = this.subscribe((state) => {
        if (!state.hasUnsavedChanges) {
          unsubscribe();
          resolve();
        }
      });
    });
  }

  destroy(): void {
    if (this.requestTimer !== null) clearTimeout(this.requestTimer);
    this.provider.doc.off('update', this.handleDocumentUpdate);
    this.provider.off('sync', this.handleSync);
    this.provider.off('status', this.handleStatus);
    this.listeners.clear();
    this.eventListeners.clear();
  }

  private readonly handleDocumentUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return; // came from the server, so it is already saved
    this.update(() => this.localChangeCount++);
    this.scheduleRequest();
  };

  private readonly handleSync = (isSynced: boolean): void => {
    // After a reconnect our sync step 2 carried the offline edits; ask once it is out.
    if (isSynced && this.state.hasUnsavedChanges) this.requestSave();
  };

  private readonly handleStatus = ({ status }: { status: string }): void => {
    if (status !== 'connected') this.requestedAt.clear();
    // A new connection is told again if the server still cannot store.
    if (status === 'connected' && !this.canServerStore) this.update(() => (this.canServerStore = true));
  };

  private scheduleRequest(): void {
    if (this.requestTimer !== null) return;
    this.requestTimer = setTimeout(() => {
      this.requestTimer = null;
      this.requestSave();
    }, this.requestDelayMs);
  }

  private requestSave(): void {
    const socket = this.provider.ws;
    if (!this.provider.wsconnected || !this.provider.synced || socket === null || socket.readyState !== socket.OPEN) return;
    const nonce = this.nextNonce++;
    this.requestedAt.set(nonce, this.localChangeCount);
    socket.send(encodeSaveRequest(nonce));
  }

  private confirm(nonce: number): void {
    const coveredCount = this.requestedAt.get(nonce);
    if (coveredCount === undefined) return;
    for (const pendingNonce of this.requestedAt.keys()) {
      if (pendingNonce <= nonce) this.requestedAt.delete(pendingNonce);
    }
    this.update(() => (this.savedChangeCount = Math.max(this.savedChangeCount, coveredCount)));
  }

  private update(change: () => void): void {
    const before = JSON.stringify(this.state);
    change();
    const after = this.state;
    if (JSON.stringify(after) !== before) for (const listener of this.listeners) listener(after);
  }
}

function parsePlanEvent(json: string): PlanEvent | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && 'type' in value ? (value as PlanEvent) : null;
  } catch {
    return null;
  }
}

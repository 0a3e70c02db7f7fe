import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { AccessMode } from '../../shared/protocol/accessMode.js';
import { DocumentUnavailable, type CloseEvent } from '../../shared/protocol/closeCodes.js';
import { probePlanAccess, type PlanAccessProblem } from '../api/probePlanAccess.js';
import { ServerChannel } from './ServerChannel.js';
import { colorForUser } from '../../shared/presence/colorForUser.js';
import { collabServerUrl } from './collabServerUrl.js';
import { connectionParams } from './connectionParams.js';
import { sendOwnPresenceOnly } from './sendOwnPresenceOnly.js';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** Connected and the server's state has been merged. */
  isSynced: boolean;
  /** Synced at least once, so the local document is the real plan (offline edits are safe from here on). */
  hasSyncedOnce: boolean;
  hasUnsavedChanges: boolean;
  accessMode: AccessMode;
  lastRefusal: string | null;
  /** False while the server cannot store changes (a full disk); it keeps them and retries. */
  canServerStore: boolean;
  /** Set while the plan nears its maximum size. */
  documentSize: { bytes: number; maxBytes: number } | null;
  /**
   * The server closed the connection for good (4400-4499, among them ClientOutdated: this build
   * edits an older document schema); the provider stops reconnecting.
   */
  terminalClose: CloseEvent | null;
  /** The last attempt ended because the server could not load the plan; the provider keeps retrying. */
  isDocumentUnavailable: boolean;
  /** The upgrade itself was refused (not logged in, no access, unknown plan); we stop retrying. */
  accessProblem: PlanAccessProblem | null;
}

export interface PlanConnectionOptions {
  planId: string;
  /** The logged-in user; the server authenticates by cookie, this only fills our own presence entry before it answers. */
  user: { id: string; name: string };
  serverUrl?: string;
}

/**
 * Owns one plan's Y.Doc, its WebsocketProvider and ServerChannel, and turns
 * their events into a single snapshot that React reads with useSyncExternalStore.
 */
export class PlanConnection {
  readonly doc = new Y.Doc();
  /**
   * Our own colour, the one the server stamps on what others see of us: our usual one until the
   * server says which it gave this connection (another if someone present already shows ours).
   */
  userColor: string;
  readonly provider: WebsocketProvider;
  readonly channel: ServerChannel;
  private snapshot: ConnectionSnapshot;
  private hasConnectedOnce = false;
  private hasSyncedOnce = false;
  private terminalClose: CloseEvent | null = null;
  private isDocumentUnavailable = false;
  private accessProblem: PlanAccessProblem | null = null;
  private isProbing = false;
  private isDestroyed = false;
  private readonly listeners = new Set<() => void>();
  private readonly stopSendingOwnPresence: () => void;

  constructor(readonly options: PlanConnectionOptions) {
    this.userColor = colorForUser(options.user.id);
    this.provider = new WebsocketProvider(options.serverUrl ?? collabServerUrl(), options.planId, this.doc, {
      params: connectionParams(),
      // Tabs must not share edits behind the server's back: the server is what makes them "saved".
      disableBc: true,
      maxBackoffTime: 5000,
    });
    this.stopSendingOwnPresence = sendOwnPresenceOnly(this.provider);
    this.channel = new ServerChannel(this.provider);
    // Present from the start, before the editor (and its caret extension) mounts; the server stamps the real identity.
    this.provider.awareness.setLocalStateField('user', {
      name: options.user.name,
      id: options.user.id,
      color: this.userColor,
    });
    this.snapshot = this.computeSnapshot();
    this.provider.on('status', this.handleStatus);
    this.provider.on('sync', this.handleSync);
    this.provider.on('connection-close', this.handleConnectionClose);
    this.provider.on('closed', this.handleClosed);
    this.channel.subscribe(this.refresh);
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    if (!navigator.onLine) this.provider.disconnect();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  destroy(): void {
    this.isDestroyed = true;
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    this.provider.off('status', this.handleStatus);
    this.provider.off('sync', this.handleSync);
    this.provider.off('connection-close', this.handleConnectionClose);
    this.provider.off('closed', this.handleClosed);
    this.channel.destroy();
    this.stopSendingOwnPresence();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private readonly handleStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') this.hasConnectedOnce = true;
    this.refresh();
  };

  private readonly handleSync = (isSynced: boolean): void => {
    if (isSynced) {
      this.hasSyncedOnce = true;
      this.isDocumentUnavailable = false;
    }
    this.refresh();
  };

  private readonly handleConnectionClose = (event: { code: number } | null): void => {
    if (event?.code === DocumentUnavailable.code) this.isDocumentUnavailable = true;
    // A socket that never opened may have been refused at the HTTP upgrade; find out why once.
    if (event !== null && !this.hasConnectedOnce && navigator.onLine) void this.probeAccess();
    this.refresh();
  };

  private async probeAccess(): Promise<void> {
    if (this.isProbing || this.accessProblem !== null) return;
    this.isProbing = true;
    const problem = await probePlanAccess(this.options.planId);
    this.isProbing = false;
    if (problem === null || this.isDestroyed || this.hasConnectedOnce) return;
    this.accessProblem = problem;
    this.provider.disconnect();
    this.refresh();
  }

  private readonly handleClosed = (event: CloseEvent): void => {
    this.terminalClose = event;
    this.refresh();
  };

  // A dropped network can leave a socket looking open for a long time; treat the browser's word as final.
  private readonly handleOffline = (): void => {
    this.provider.disconnect();
    this.refresh();
  };

  private readonly handleOnline = (): void => {
    if (this.terminalClose === null && this.accessProblem === null) this.provider.connect();
    this.refresh();
  };

  private readonly refresh = (): void => {
    const { presenceColor } = this.channel.state;
    if (presenceColor !== null && presenceColor !== this.userColor) {
      this.userColor = presenceColor;
      // Our own presence entry (the people list) shows it too; the server stamps it on what others see anyway.
      this.provider.awareness.setLocalStateField('user', { ...(this.provider.awareness.getLocalState()?.['user'] as object | undefined), color: presenceColor });
    }
    const next = this.computeSnapshot();
    if (JSON.stringify(next) === JSON.stringify(this.snapshot)) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  };

  private computeSnapshot(): ConnectionSnapshot {
    const channelState = this.channel.state;
    const isConnected = this.provider.wsconnected;
    let status: ConnectionStatus;
    if (!navigator.onLine) status = 'offline';
    else if (isConnected) status = 'connected';
    else if (this.hasConnectedOnce) status = 'reconnecting';
    else status = 'connecting';
    return {
      status,
      isSynced: isConnected && this.provider.synced,
      hasSyncedOnce: this.hasSyncedOnce,
      hasUnsavedChanges: channelState.hasUnsavedChanges,
      accessMode: channelState.accessMode,
      lastRefusal: channelState.lastRefusal,
      canServerStore: channelState.canServerStore,
      documentSize: channelState.documentSize,
      terminalClose: this.terminalClose,
      isDocumentUnavailable: this.isDocumentUnavailable,
      accessProblem: this.accessProblem,
    };
  }
}

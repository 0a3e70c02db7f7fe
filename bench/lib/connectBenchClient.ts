import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { ServerChannel } from '../../client/collaboration/ServerChannel.js';
import { connectionParams } from '../../client/collaboration/connectionParams.js';
import { waitUntil } from './waitUntil.js';
import { HocuspocusSocket } from './HocuspocusSocket.js';
import type { PlanHandle } from './ServerTarget.js';

export interface BenchClient {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The plan's rich text, the field the editor binds to. */
  readonly content: Y.XmlFragment;
  /** Present only when the server speaks the project's own messages (save confirmations, access mode). */
  readonly channel: ServerChannel | null;
  destroy(): void;
}

export interface BenchClientOptions {
  name: string;
}

/** A stock y-websocket provider on Node (the `ws` polyfill), as the browser client uses it. */
export function connectBenchClient(serverUrl: string, plan: PlanHandle, options: BenchClientOptions): BenchClient {
  const doc = new Y.Doc();
  // The browser sends the session cookie with the upgrade; on Node the polyfill must add it.
  const { headers } = plan;
  const Polyfill = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers, perMessageDeflate: false });
    }
  };
  const provider = new WebsocketProvider(serverUrl, plan.planId, doc, {
    WebSocketPolyfill: (plan.framing === 'hocuspocus' ? HocuspocusSocket : Polyfill) as unknown as typeof globalThis.WebSocket,
    // The browser client's URL parameters (its document schema); the other servers ignore them.
    params: connectionParams(),
    disableBc: true,
    maxBackoffTime: 500,
  });
  provider.awareness.setLocalStateField('user', { name: options.name });
  const channel = plan.hasServerChannel ? new ServerChannel(provider) : null;
  let isDestroyed = false;
  return {
    name: options.name,
    doc,
    provider,
    content: doc.getXmlFragment(CONTENT_FIELD),
    channel,
    destroy() {
      if (isDestroyed) return;
      isDestroyed = true;
      channel?.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(client: BenchClient, timeoutMs = 15_000): Promise<void> {
  return waitUntil(() => client.provider.synced, { timeoutMs, message: `${client.name} never synced` });
}

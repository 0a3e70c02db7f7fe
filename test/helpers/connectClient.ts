import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { onTestFinished } from 'vitest';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { waitFor } from './waitFor.js';
import { ServerChannel } from '../../client/collaboration/ServerChannel.js';
import { connectionParams } from '../../client/collaboration/connectionParams.js';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The plan's rich text, as the editor would see it. */
  content: Y.XmlFragment;
  /** Save confirmations, access mode and refusals, as the real client sees them. */
  channel: ServerChannel;
  /** Plain text of the content, for easy comparison. */
  text(): string;
  destroy(): void;
}

export interface ConnectOptions {
  name?: string;
  doc?: Y.Doc;
  connect?: boolean;
  /** Added to the browser client's own URL parameters (the document schema); a value of '' leaves one out. */
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A real y-websocket provider (with the `ws` polyfill) on a fresh Y.Doc. */
export function connectClient(collabUrl: string, planId: string, options: ConnectOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const headers = options.headers;
  const Polyfill = headers
    ? class extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      }
    : WebSocket;
  const provider = new WebsocketProvider(collabUrl, planId, doc, {
    WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
    params: urlParams({ ...connectionParams(), name: options.name ?? 'Tester', ...options.params }),
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const content = doc.getXmlFragment(CONTENT_FIELD);
  const channel = new ServerChannel(provider);
  let isDestroyed = false;
  const client: TestClient = {
    doc,
    provider,
    content,
    channel,
    text: () => fragmentText(content),
    destroy() {
      if (isDestroyed) return;
      isDestroyed = true;
      channel.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
  onTestFinished(() => client.destroy());
  return client;
}

function urlParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ''));
}

export async function waitForSync(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => client.provider.synced, { timeoutMs, message: 'client never synced' });
}

/** Appends a paragraph with `text` to the content fragment, as one transaction. */
export function appendParagraph(client: TestClient, text: string): void {
  client.doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    client.content.insert(client.content.length, [paragraph]);
  });
}

export function fragmentText(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => child.toString()).join('') : node.toString()))
    .join('\n');
}

import { Redis } from 'ioredis';
import type { ClusterBus } from './ClusterBus.js';
import type { FeedStatus } from './PlanUpdateFeed.js';

export interface RedisClusterBusOptions {
  url: string;
  instanceId: string;
}

const CHANNEL_PREFIX = 'plan-editor:bus:';

/**
 * ClusterBus on Redis pub/sub. A message is the sender's instance id (length-prefixed) and the
 * payload, so an instance skips its own messages without a second channel per instance.
 */
export class RedisClusterBus implements ClusterBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<(payload: Uint8Array) => void>>();
  private readonly senderPrefix: Buffer;

  constructor(options: RedisClusterBusOptions) {
    const idBytes = Buffer.from(options.instanceId);
    this.senderPrefix = Buffer.concat([Buffer.from([idBytes.length]), idBytes]);
    const connection = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(50 * attempt, 1_000) };
    this.publisher = new Redis(options.url, connection);
    // The subscriber re-subscribes by itself after a reconnect (ioredis autoResubscribe).
    this.subscriber = new Redis(options.url, { ...connection, enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message));
  }

  publish(channel: string, payload: Uint8Array): void {
    if (this.publisher.status !== 'ready') return;
    this.publisher.publish(CHANNEL_PREFIX + channel, Buffer.concat([this.senderPrefix, payload])).catch(() => undefined);
  }

  subscribe(channel: string, listener: (payload: Uint8Array) => void): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.subscriber.subscribe(CHANNEL_PREFIX + channel).catch(() => undefined);
    }
    set.add(listener);
    const listeners = set;
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.listeners.get(channel) !== listeners) return;
      this.listeners.delete(channel);
      this.subscriber.unsubscribe(CHANNEL_PREFIX + channel).catch(() => undefined);
    };
  }

  status(): FeedStatus {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready' ? 'connected' : 'reconnecting';
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscriber.disconnect();
    this.publisher.disconnect();
    return Promise.resolve();
  }

  private deliver(prefixedChannel: string, message: Buffer): void {
    const listeners = this.listeners.get(prefixedChannel.slice(CHANNEL_PREFIX.length));
    if (!listeners || message.length < 1) return;
    const idLength = message[0] ?? 0;
    if (message.subarray(1, 1 + idLength).equals(this.senderPrefix.subarray(1))) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + idLength, message.length - 1 - idLength);
    for (const listener of listeners) listener(payload);
  }
}

import { Redis } from 'ioredis';
import type { FeedListener, FeedStatus, PlanUpdateFeed } from './PlanUpdateFeed.js';

export interface RedisPlanUpdateFeedOptions {
  url: string;
  instanceId: string;
  /** Entries kept per document stream (approximate trimming); a reader further behind catches up from the store. */
  maxStreamLength?: number;
  /**
   * A stream nobody published to for this long is deleted: the store holds everything, and an
   * instance following the plan needs only entries published since it started following.
   * Without it every plan ever edited would keep its stream in Redis's memory.
   */
  idleStreamTtlMs?: number;
}

interface Followed {
  listeners: Set<FeedListener>;
  /** Stream id of the last entry read (or the position taken when following started). */
  lastId: string;
}

const ENTRIES_PER_READ = 500;
const BLOCK_MS = 5_000;

/**
 * PlanUpdateFeed on Redis streams, one stream per document (the y-redis layout): XADD after the
 * commit, one blocking XREAD per instance over every document it holds. A stream entry carries the
 * publishing instance and the update's bytes, nothing else.
 *
 * What counts as a gap, each followed by `gap()` to every listener concerned: the reading
 * connection was lost (Redis restarted without persistence, or the network dropped); this instance
 * could not publish (its followers on other instances are told through a marker entry once Redis
 * is back); a reader so far behind that entries it had not read were trimmed (Redis 7's
 * `max-deleted-entry-id`).
 */
export class RedisPlanUpdateFeed implements PlanUpdateFeed {
  readonly instanceId: string;
  private readonly commands: Redis;
  private readonly reader: Redis;
  private readonly followed = new Map<string, Followed>();
  /** Documents whose publication failed while Redis was unreachable. */
  private readonly unpublished = new Set<string>();
  private readonly maxStreamLength: number;
  private readonly idleStreamTtlMs: number;
  private readerClientId: number | null = null;
  private isReaderBlocked = false;
  private hasReaderBeenReady = false;
  private isClosed = false;
  private wakeReader: (() => void) | null = null;
  private readonly readLoop: Promise<void>;

  constructor(options: RedisPlanUpdateFeedOptions) {
    this.instanceId = options.instanceId;
    this.maxStreamLength = options.maxStreamLength ?? 10_000;
    this.idleStreamTtlMs = options.idleStreamTtlMs ?? 15 * 60_000;
    const connection = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(50 * attempt, 1_000) };
    this.commands = new Redis(options.url, connection);
    this.reader = new Redis(options.url, { ...connection, maxRetriesPerRequest: null });
    // Connection errors are reported through status() and gaps, not as unhandled events.
    this.commands.on('error', () => undefined);
    this.reader.on('error', () => undefined);
    this.commands.on('ready', () => void this.announceUnpublished());
    this.reader.on('ready', () => void this.onReaderReady());
    this.readLoop = this.runReadLoop();
  }

  status(): FeedStatus {
    return this.commands.status === 'ready' && this.reader.status === 'ready' ? 'connected' : 'reconnecting';
  }

  async publish(documentName: string, update: Uint8Array): Promise<void> {
    if (this.isClosed) return;
    try {
      const key = streamKey(documentName);
      const results = await this.commands
        .multi()
        .xadd(key, 'MAXLEN', '~', String(this.maxStreamLength), '*', 'i', this.instanceId, 'u', Buffer.from(update))
        .pexpire(key, this.idleStreamTtlMs)
        .exec();
      const failed = results?.find(([error]) => error !== null);
      if (results === null || failed) throw failed?.[0] ?? new Error('transaction discarded');
    } catch {
      this.unpublished.add(documentName);
    }
  }

  async follow(documentName: string, listener: FeedListener): Promise<() => void> {
    let entry = this.followed.get(documentName);
    if (!entry) {
      entry = { listeners: new Set(), lastId: await this.currentPosition(documentName) };
      this.followed.set(documentName, entry);
      this.interruptRead();
    }
    entry.listeners.add(listener);
    const followed = entry;
    return () => {
      followed.listeners.delete(listener);
      if (followed.listeners.size === 0 && this.followed.get(documentName) === followed) {
        this.followed.delete(documentName);
        this.interruptRead();
      }
    };
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.interruptRead();
    this.reader.disconnect();
    await this.readLoop;
    this.commands.disconnect();
  }

  /** The id of the stream's newest entry: following starts after it. */
  private async currentPosition(documentName: string): Promise<string> {
    try {
      const newest = await this.commands.xrevrange(streamKey(documentName), '+', '-', 'COUNT', 1);
      return newest[0]?.[0] ?? '0-0';
    } catch {
      // Redis is unreachable: read from the beginning once it is back; the store has the rest.
      return '0-0';
    }
  }

  private async runReadLoop(): Promise<void> {
    while (!this.isClosed) {
      if (this.followed.size === 0 || this.reader.status !== 'ready') {
        await new Promise<void>((resolve) => {
          this.wakeReader = resolve;
          setTimeout(resolve, 200);
        });
        this.wakeReader = null;
        continue;
      }
      const names = [...this.followed.keys()];
      const ids = names.map((name) => this.followed.get(name)?.lastId ?? '0-0');
      let result: Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;
      try {
        this.isReaderBlocked = true;
        result = (await this.reader.xreadBuffer(
          'COUNT',
          ENTRIES_PER_READ,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...names.map(streamKey),
          ...ids,
        )) as Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;
      } catch {
        // Interrupted by follow/unfollow (UNBLOCK), or the connection dropped: onReaderReady reports the gap.
        continue;
      } finally {
        this.isReaderBlocked = false;
      }
      for (const [key, entries] of result ?? []) await this.deliver(documentNameOf(key.toString()), entries);
    }
  }

  private async deliver(documentName: string, entries: Array<[Buffer, Buffer[]]>): Promise<void> {
    const followed = this.followed.get(documentName);
    if (!followed || entries.length === 0) return;
    const previousId = followed.lastId;
    followed.lastId = entries.at(-1)?.[0].toString() ?? followed.lastId;
    const updates: Uint8Array[] = [];
    let isGap = entries.length === ENTRIES_PER_READ && (await this.wasTrimmedPast(documentName, previousId));
    for (const [, fields] of entries) {
      const entry = readFields(fields);
      if (entry.marker === 'gap' && entry.instanceId !== this.instanceId) isGap = true;
      if (entry.update && entry.instanceId !== this.instanceId) updates.push(entry.update);
    }
    for (const listener of followed.listeners) {
      if (updates.length > 0) listener.updates(updates);
      if (isGap) listener.gap();
    }
  }

  /** Whether entries after `lastId` were trimmed before this reader got to them. */
  private async wasTrimmedPast(documentName: string, lastId: string): Promise<boolean> {
    try {
      const info = (await this.commands.call('XINFO', 'STREAM', streamKey(documentName))) as unknown[];
      const index = info.indexOf('max-deleted-entry-id');
      const maxDeleted = index >= 0 ? String(info[index + 1]) : '0-0';
      return compareStreamIds(maxDeleted, lastId) > 0;
    } catch {
      return true;
    }
  }

  private async onReaderReady(): Promise<void> {
    try {
      this.readerClientId = Number(await this.reader.client('ID'));
    } catch {
      this.readerClientId = null;
    }
    // After a reconnect, whatever was published while the connection was down may be gone (Redis
    // restarted without persistence) or may still be there: read on from the last position, and
    // catch up anyway. The first connection has nothing to catch up on.
    if (this.hasReaderBeenReady) {
      for (const followed of this.followed.values()) for (const listener of followed.listeners) listener.gap();
    }
    this.hasReaderBeenReady = true;
    this.wakeReader?.();
  }

  /** Tells the other instances to catch up on documents this one could not publish. */
  private async announceUnpublished(): Promise<void> {
    for (const documentName of [...this.unpublished]) {
      try {
        await this.commands.xadd(streamKey(documentName), 'MAXLEN', '~', String(this.maxStreamLength), '*', 'i', this.instanceId, 'g', '1');
        this.unpublished.delete(documentName);
      } catch {
        return;
      }
    }
  }

  private interruptRead(): void {
    this.wakeReader?.();
    if (!this.isReaderBlocked || this.readerClientId === null || this.commands.status !== 'ready') return;
    this.commands.client('UNBLOCK', this.readerClientId).catch(() => undefined);
  }
}

function streamKey(documentName: string): string {
  return `plan-editor:updates:${documentName}`;
}

function documentNameOf(key: string): string {
  return key.slice('plan-editor:updates:'.length);
}

function readFields(fields: Buffer[]): { instanceId: string; update: Uint8Array | null; marker: 'gap' | null } {
  let instanceId = '';
  let update: Uint8Array | null = null;
  let marker: 'gap' | null = null;
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const name = fields[index]?.toString();
    const value = fields[index + 1];
    if (!value) continue;
    if (name === 'i') instanceId = value.toString();
    else if (name === 'u') update = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    else if (name === 'g') marker = 'gap';
  }
  return { instanceId, update, marker };
}

/** Orders Redis stream ids (`<ms>-<seq>`). */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map((part) => BigInt(part));
  const [bMs = 0n, bSeq = 0n] = b.split('-').map((part) => BigInt(part));
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

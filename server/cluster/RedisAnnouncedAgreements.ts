import { Redis } from 'ioredis';
import { LocalAnnouncedAgreements, type AnnouncedAgreement, type AnnouncedAgreements } from '../proposals/AnnouncedAgreements.js';

const KEY_PREFIX = 'plan-editor:announced-agreements:';
/** A plan nobody edits for a day starts unseen again: what clients load then already says its state. */
const TTL_SECONDS = 24 * 60 * 60;

/**
 * KEYS[1]: the plan's hash; ARGV: TTL, n, n pairs of block id and state, then the agreed block ids.
 * Returns the n old states ('' for none). Atomic, so one instance wins each flip.
 */
const SWAP_SCRIPT = `
local n = tonumber(ARGV[2])
local old = {}
for i = 1, n do
  local field = ARGV[1 + 2 * i]
  old[i] = redis.call('HGET', KEYS[1], field) or ''
  redis.call('HSET', KEYS[1], field, ARGV[2 + 2 * i])
end
local keep = {}
for i = 3 + 2 * n, #ARGV do keep[ARGV[i]] = true end
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if not keep[field] then redis.call('HDEL', KEYS[1], field) end
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1]))
return old
`;

interface SwapCommand {
  planEditorSwapAnnouncedAgreements(key: string, ...args: Array<string | number>): Promise<unknown>;
}

/**
 * AnnouncedAgreements shared by every instance through a Redis hash per plan. While Redis is
 * unreachable each instance falls back to its own records: a flip may then be announced once per
 * instance (the events are notices of a state clients can always re-read), never not at all.
 */
export class RedisAnnouncedAgreements implements AnnouncedAgreements {
  private readonly redis: Redis;
  private readonly local = new LocalAnnouncedAgreements();

  constructor(url: string) {
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(50 * attempt, 1_000) });
    this.redis.on('error', () => undefined);
    // Sent once, then called by its SHA (EVALSHA).
    this.redis.defineCommand('planEditorSwapAnnouncedAgreements', { numberOfKeys: 1, lua: SWAP_SCRIPT });
  }

  async swap(planId: string, current: ReadonlyMap<string, AnnouncedAgreement>, agreedBlockIds: readonly string[]): Promise<Map<string, AnnouncedAgreement>> {
    const entries = [...current];
    try {
      const pairs = entries.flatMap(([blockId, state]) => [blockId, encode(state)]);
      const commands = this.redis as unknown as SwapCommand;
      const old = (await commands.planEditorSwapAnnouncedAgreements(KEY_PREFIX + planId, TTL_SECONDS, entries.length, ...pairs, ...agreedBlockIds)) as string[];
      const previous = new Map<string, AnnouncedAgreement>();
      entries.forEach(([blockId], index) => {
        const state = decode(old[index] ?? '');
        if (state) previous.set(blockId, state);
      });
      void this.local.swap(planId, current, agreedBlockIds); // kept current for an outage
      return previous;
    } catch {
      return this.local.swap(planId, current, agreedBlockIds);
    }
  }

  forget(planId: string): void {
    this.local.forget(planId);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }
}

function encode(state: AnnouncedAgreement): string {
  return `${state.isChanged ? 1 : 0}:${state.agreedHash}`;
}

function decode(value: string): AnnouncedAgreement | null {
  const separator = value.indexOf(':');
  if (separator < 0) return null;
  return { isChanged: value.slice(0, separator) === '1', agreedHash: value.slice(separator + 1) };
}

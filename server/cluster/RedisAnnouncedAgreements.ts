import { Redis } from 'ioredis';
import { LocalAnnouncedAgreements, type AnnouncedAgreement, type AnnouncedAgreements } from '../proposals/AnnouncedAgreements.js';

/** v2: records name their agreement by register seq (v1 held its content hash, and expires within a day). */
const KEY_PREFIX = 'plan-editor:announced-agreements:v2:';
/** A plan nobody edits for a day starts unseen again: what clients load then already says its state. */
const TTL_SECONDS = 24 * 60 * 60;

/** The hash field with the document clock of the last recorded check (block ids never start with '@'). */
const SEEN_CLOCK_FIELD = '@seenClock';

/**
 * KEYS[1]: the plan's hash; ARGV: TTL, seen clock, n, then n pairs of block id and state (encode:
 * "<0|1>:<agreement seq>"). Returns the n old states ('' for none), or false for a stale check
 * (AnnouncedAgreements.swap), which records nothing. Atomic, so one instance wins each flip.
 */
const SWAP_SCRIPT = `
local function seqOf(state) return tonumber(string.match(state, ':(%d+)$') or '-1') end
local recorded = tonumber(redis.call('HGET', KEYS[1], '${SEEN_CLOCK_FIELD}') or '-1')
if tonumber(ARGV[2]) < recorded then return false end
local n = tonumber(ARGV[3])
local old = {}
for i = 1, n do
  old[i] = redis.call('HGET', KEYS[1], ARGV[2 + 2 * i]) or ''
  if seqOf(old[i]) > seqOf(ARGV[3 + 2 * i]) then return false end
end
redis.call('HSET', KEYS[1], '${SEEN_CLOCK_FIELD}', ARGV[2])
for i = 1, n do redis.call('HSET', KEYS[1], ARGV[2 + 2 * i], ARGV[3 + 2 * i]) end
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

  async swap(planId: string, current: ReadonlyMap<string, AnnouncedAgreement>, seenClock: number): Promise<Map<string, AnnouncedAgreement> | null> {
    const entries = [...current];
    try {
      const pairs = entries.flatMap(([blockId, state]) => [blockId, encode(state)]);
      const commands = this.redis as unknown as SwapCommand;
      const reply = await commands.planEditorSwapAnnouncedAgreements(KEY_PREFIX + planId, TTL_SECONDS, seenClock, entries.length, ...pairs);
      void this.local.swap(planId, current, seenClock); // kept current for an outage
      if (reply === null) return null; // Lua false arrives as a nil reply
      const old = reply as string[];
      const previous = new Map<string, AnnouncedAgreement>();
      entries.forEach(([blockId], index) => {
        const state = decode(old[index] ?? '');
        if (state) previous.set(blockId, state);
      });
      return previous;
    } catch {
      return this.local.swap(planId, current, seenClock);
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
  return `${state.isChanged ? 1 : 0}:${state.agreementSeq}`;
}

function decode(value: string): AnnouncedAgreement | null {
  const match = /^([01]):(\d+)$/.exec(value);
  if (!match) return null;
  return { isChanged: match[1] === '1', agreementSeq: Number(match[2]) };
}

import { Redis } from 'ioredis';
import { CARET_COLORS, colorForUser } from '../../shared/presence/colorForUser.js';
import type { CaretColors } from '../auth/CaretColors.js';
import { PresenceColors } from '../auth/PresenceColors.js';

const KEY_PREFIX = 'plan-editor:caret-colors:';
/** A colour stays taken this long after its holder was last seen connected (renewed every RENEW_MS). */
const HOLD_MS = 30_000;
const RENEW_MS = 10_000;

/**
 * KEYS[1]: the plan's hash (user id → "colour expiry"); ARGV: hold ms, user id, n, the user's n
 * colours in order of preference, then pairs of user id and colour known present on this instance.
 * Drops expired entries, keeps the user's own colour, else takes the first free one; Redis's clock.
 */
const ASSIGN_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local hold = tonumber(ARGV[1])
local user = ARGV[2]
local n = tonumber(ARGV[3])
local taken = {}
local own = nil
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local value = entries[i + 1]
  local separator = string.find(value, ' ', 1, true)
  local color = string.sub(value, 1, separator - 1)
  if tonumber(string.sub(value, separator + 1)) < now then
    redis.call('HDEL', KEYS[1], entries[i])
  elseif entries[i] == user then
    own = color
  else
    taken[color] = true
  end
end
for i = 4 + n, #ARGV, 2 do
  if ARGV[i] ~= user then taken[ARGV[i + 1]] = true end
end
local color = own
if not color then
  color = ARGV[4]
  for i = 4, 3 + n do
    if not taken[ARGV[i]] then color = ARGV[i] break end
  end
end
redis.call('HSET', KEYS[1], user, color .. ' ' .. (now + hold))
redis.call('PEXPIRE', KEYS[1], hold)
return color
`;

/** KEYS[1]: the plan's hash; ARGV: hold ms, then pairs of user id and colour still connected here. */
const RENEW_SCRIPT = `
local time = redis.call('TIME')
local expiry = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1] .. ' ' .. expiry) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return 0
`;

/** The scripts as ioredis commands: sent once, then called by their SHA (EVALSHA). */
interface CaretColorCommands {
  planEditorAssignCaretColor(key: string, ...args: Array<string | number>): Promise<unknown>;
  planEditorRenewCaretColors(key: string, ...args: Array<string | number>): unknown;
}

export interface RedisCaretColorsOptions {
  url: string;
  /** Plan id → (user id → colour) of the connections on this instance, renewed while they stay. */
  connectedHere: () => Map<string, Map<string, string>>;
}

/**
 * Caret colours shared by every instance: the first member to open a plan on an instance cannot
 * see yet who is there through the others (their presence arrives after the plan loads), so the
 * colours handed out live in a Redis hash per plan, renewed while their sockets are open. While
 * Redis is unreachable the instance assigns from what it knows itself (PresenceColors).
 */
export class RedisCaretColors implements CaretColors {
  private readonly redis: Redis;
  private readonly local = new PresenceColors();
  private readonly renewTimer: NodeJS.Timeout;

  constructor(private readonly options: RedisCaretColorsOptions) {
    this.redis = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(50 * attempt, 1_000) });
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('planEditorAssignCaretColor', { numberOfKeys: 1, lua: ASSIGN_SCRIPT });
    this.redis.defineCommand('planEditorRenewCaretColors', { numberOfKeys: 1, lua: RENEW_SCRIPT });
    this.renewTimer = setInterval(() => void this.renew(), RENEW_MS);
    this.renewTimer.unref();
  }

  async assign(planId: string, userId: string, present: ReadonlyMap<string, string>): Promise<string> {
    const preference = [colorForUser(userId), ...CARET_COLORS];
    const known = [...present].flat();
    try {
      const commands = this.redis as unknown as CaretColorCommands;
      const color = await commands.planEditorAssignCaretColor(KEY_PREFIX + planId, HOLD_MS, userId, preference.length, ...preference, ...known);
      if (typeof color === 'string') return color;
    } catch {
      // Redis is unreachable: what this instance knows.
    }
    return this.local.assign(planId, userId, present);
  }

  async close(): Promise<void> {
    clearInterval(this.renewTimer);
    this.redis.disconnect();
    return Promise.resolve();
  }

  private async renew(): Promise<void> {
    if (this.redis.status !== 'ready') return;
    const pipeline = this.redis.pipeline();
    const commands = pipeline as unknown as CaretColorCommands;
    for (const [planId, users] of this.options.connectedHere()) {
      commands.planEditorRenewCaretColors(KEY_PREFIX + planId, HOLD_MS, ...[...users].flat());
    }
    await pipeline.exec().catch(() => undefined);
  }
}

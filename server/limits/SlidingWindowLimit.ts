export interface SlidingWindowLimitOptions {
  /** Events one key may have in `windowMs`. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

/**
 * At most `limit` events per key in any `windowMs`, in memory (one process; a restart resetting it
 * is acceptable for these limits). `admit` counts synchronously, before any work or I/O, so a burst
 * of concurrent requests cannot all pass the check before the first is counted.
 */
export class SlidingWindowLimit {
  private readonly events = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: SlidingWindowLimitOptions) {
    if (options.limit < 1 || options.windowMs <= 0) throw new Error('A sliding window limit needs a positive limit and window');
    this.now = options.now ?? Date.now;
  }

  /** 0 when admitted (and counted); otherwise milliseconds until `key` may try again. */
  admit(key: string): number {
    const now = this.now();
    const recent = (this.events.get(key) ?? []).filter((time) => time > now - this.options.windowMs);
    if (recent.length >= this.options.limit) {
      this.events.set(key, recent);
      return Math.max(1, (recent[recent.length - this.options.limit] ?? now) + this.options.windowMs - now);
    }
    recent.push(now);
    this.events.set(key, recent);
    this.forgetIdle(now);
    return 0;
  }

  /** Keeps the map from growing with every key ever seen. */
  private forgetIdle(now: number): void {
    if (this.events.size < 10_000) return;
    for (const [key, times] of this.events) {
      if ((times[times.length - 1] ?? 0) <= now - this.options.windowMs) this.events.delete(key);
    }
  }
}

export interface RemarkThrottleOptions {
  maxPerAddress: number;
  windowMs: number;
  now?: () => number;
}

/**
 * Remarks per client address in a sliding window. `admit` counts the attempt
 * synchronously, before any work or I/O, so a burst of concurrent requests
 * from one address cannot all pass the check before the first is counted.
 * In memory: the server is one process, and a restart resetting it is acceptable.
 */
export class RemarkThrottle {
  private readonly attempts = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: RemarkThrottleOptions) {
    if (options.maxPerAddress < 1 || options.windowMs <= 0) throw new Error('RemarkThrottle needs a positive limit and window');
    this.now = options.now ?? Date.now;
  }

  /** 0 when admitted (and counted); otherwise milliseconds until the address may send again. */
  admit(address: string): number {
    const now = this.now();
    const recent = (this.attempts.get(address) ?? []).filter((time) => time > now - this.options.windowMs);
    if (recent.length >= this.options.maxPerAddress) {
      this.attempts.set(address, recent);
      return Math.max(1, (recent[recent.length - this.options.maxPerAddress] ?? now) + this.options.windowMs - now);
    }
    recent.push(now);
    this.attempts.set(address, recent);
    this.forgetIdle(now);
    return 0;
  }

  /** Keeps the map from growing with every address ever seen. */
  private forgetIdle(now: number): void {
    if (this.attempts.size < 10_000) return;
    for (const [address, times] of this.attempts) {
      if ((times[times.length - 1] ?? 0) <= now - this.options.windowMs) this.attempts.delete(address);
    }
  }
}

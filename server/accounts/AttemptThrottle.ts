export interface LoginThrottleOptions {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMs: number;
  now?: () => number;
}

/**
 * Counts failed logins per account and per client address in a sliding
 * window. In memory: the server is one process, and a restart resetting the
 * counters is acceptable next to the cost of scrypt per guess.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: LoginThrottleOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfterMs(account: string, address: string): number {
    return Math.max(
      this.blockedFor(`account:${account.toLowerCase()}`, this.options.maxFailuresPerAccount),
      this.blockedFor(`address:${address}`, this.options.maxFailuresPerAddress),
    );
  }

  recordFailure(account: string, address: string): void {
    for (const key of [`account:${account.toLowerCase()}`, `address:${address}`]) {
      const recent = this.recent(key);
      recent.push(this.now());
      this.failures.set(key, recent);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`account:${account.toLowerCase()}`);
  }

  private blockedFor(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    const oldestCounted = recent[recent.length - limit] ?? 0;
    return Math.max(0, oldestCounted + this.options.windowMs - this.now());
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.options.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}

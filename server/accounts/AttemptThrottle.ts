export interface AttemptThrottleOptions {
  windowMs: number;
  now?: () => number;
}

/** One counter an attempt is checked against, e.g. "failed logins for this account from this address". */
export interface AttemptLimit {
  key: string;
  limit: number;
}

/** A slot held by an attempt in flight; it counts against every limit until it is settled. */
export interface AttemptReservation {
  /** The attempt counts for the rest of the window (a wrong password, a new account). */
  count(): void;
  /** The attempt does not count (a right password, or refused before the expensive work). */
  cancel(): void;
}

export type ReserveResult = { isReserved: true; reservation: AttemptReservation } | { isReserved: false; retryAfterMs: number };

// A limit full only because of attempts still in flight frees up within about one password hash.
const IN_FLIGHT_RETRY_MS = 1_000;

/**
 * Counts attempts per key in a sliding window. An attempt reserves its slot
 * before the expensive work (scrypt) and settles it afterwards, so concurrent
 * attempts are counted as they start: 40 guesses at once get exactly `limit`
 * hashes, never 40. In memory: the server is one process, and a restart
 * resetting the counters is acceptable next to the cost of scrypt per guess.
 */
export class AttemptThrottle {
  private readonly counted = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: AttemptThrottleOptions) {
    if (options.windowMs <= 0) throw new Error('windowMs must be positive');
    this.now = options.now ?? Date.now;
  }

  /** Reserves one attempt against all `limits` at once, or says how long to wait; checking and reserving are one step. */
  tryReserve(limits: readonly AttemptLimit[]): ReserveResult {
    let retryAfterMs = 0;
    for (const { key, limit } of limits) retryAfterMs = Math.max(retryAfterMs, this.blockedFor(key, limit));
    if (retryAfterMs > 0) return { isReserved: false, retryAfterMs };
    const keys = limits.map((limit) => limit.key);
    for (const key of keys) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    let isSettled = false;
    const settle = (shouldCount: boolean): void => {
      if (isSettled) return;
      isSettled = true;
      for (const key of keys) {
        const remaining = (this.inFlight.get(key) ?? 1) - 1;
        if (remaining > 0) this.inFlight.set(key, remaining);
        else this.inFlight.delete(key);
        if (shouldCount) this.counted.set(key, [...this.recent(key), this.now()]);
      }
    };
    return { isReserved: true, reservation: { count: () => settle(true), cancel: () => settle(false) } };
  }

  /** Forgets what was counted for `key` (a successful login clears its own account-and-address counter). */
  clear(key: string): void {
    this.counted.delete(key);
  }

  private blockedFor(key: string, limit: number): number {
    const recent = this.recent(key);
    const pending = this.inFlight.get(key) ?? 0;
    if (recent.length + pending < limit) return 0;
    if (recent.length < limit) return IN_FLIGHT_RETRY_MS;
    const oldestCounted = recent[recent.length - limit] ?? 0;
    return Math.max(1, oldestCounted + this.options.windowMs - this.now());
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.options.windowMs;
    const recent = (this.counted.get(key) ?? []).filter((time) => time > cutoff);
    if (recent.length === 0) this.counted.delete(key);
    return recent;
  }
}

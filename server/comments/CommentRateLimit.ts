import { AppError } from '../errors.js';

export interface CommentRateLimitOptions {
  /** Comments (new threads and replies) one person may write in `windowMs`. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

/**
 * A per-person sliding window on writing comments: each comment is pushed live
 * to everyone on the plan, so one member's script must not flood the team.
 */
export class CommentRateLimit {
  private readonly written = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: CommentRateLimitOptions) {
    if (options.limit < 1 || options.windowMs <= 0) throw new Error('limit and windowMs must be positive');
    this.now = options.now ?? Date.now;
  }

  /** Counts one comment by `userId`, or refuses with 429 when the window is full. */
  take(userId: string): void {
    const now = this.now();
    const recent = (this.written.get(userId) ?? []).filter((time) => time > now - this.options.windowMs);
    if (recent.length >= this.options.limit) {
      const retryAfterMs = (recent[0] ?? now) + this.options.windowMs - now;
      this.written.set(userId, recent);
      throw new AppError(429, 'tooManyComments', 'Too many comments in a short time; wait a moment', {
        retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
      });
    }
    recent.push(now);
    this.written.set(userId, recent);
  }
}

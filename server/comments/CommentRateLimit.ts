import { AppError } from '../errors.js';
import { SlidingWindowLimit, type SlidingWindowLimitOptions } from '../limits/SlidingWindowLimit.js';

/**
 * A per-person limit on writing comments: each comment is pushed live to everyone on the plan, so
 * one member's script must not flood the team.
 */
export class CommentRateLimit {
  private readonly window: SlidingWindowLimit;

  constructor(options: SlidingWindowLimitOptions) {
    this.window = new SlidingWindowLimit(options);
  }

  /** Counts one comment by `userId`, or refuses with 429 when the window is full. */
  take(userId: string): void {
    const retryAfterMs = this.window.admit(userId);
    if (retryAfterMs > 0) {
      throw new AppError(429, 'tooManyComments', 'Too many comments in a short time; wait a moment', {
        retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
      });
    }
  }
}

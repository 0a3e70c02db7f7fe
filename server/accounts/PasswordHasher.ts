import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwordHash.js';

export interface PasswordHasherOptions {
  /** scrypt derivations at once; each holds 128 MiB and a core for most of a second. */
  maxConcurrent: number;
  /** Derivations that may wait for a turn; one more is refused with 429 instead of queueing without end. */
  maxQueued: number;
}

// Roughly how long one derivation takes, to tell a refused client when to come back.
const TYPICAL_HASH_MS = 700;

/**
 * Runs at most `maxConcurrent` scrypt derivations at once and lets at most
 * `maxQueued` wait: unbounded parallel hashing would exhaust memory, and an
 * unbounded queue would make every honest login wait behind a flood.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private unknownAccountHash: Promise<string> | null = null;

  constructor(private readonly options: PasswordHasherOptions) {
    if (options.maxConcurrent < 1) throw new Error('maxConcurrent must be at least 1');
    if (options.maxQueued < 0) throw new Error('maxQueued must not be negative');
  }

  hash(password: string): Promise<string> {
    return this.limited(() => hashPassword(password));
  }

  verify(password: string, stored: string): Promise<boolean> {
    return this.limited(() => verifyPassword(password, stored));
  }

  /** Verifies against a random hash, so an unknown email costs the same time as a wrong password. */
  async verifyUnknownAccount(password: string): Promise<false> {
    // Made once, outside the queue, so a busy refusal is never remembered as the hash.
    this.unknownAccountHash ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
      this.unknownAccountHash = null;
      throw error;
    });
    await this.verify(password, await this.unknownAccountHash);
    return false;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.options.maxConcurrent) {
      this.running++;
    } else {
      if (this.waiting.length >= this.options.maxQueued) {
        const retryAfterSeconds = Math.ceil(((this.waiting.length / this.options.maxConcurrent + 1) * TYPICAL_HASH_MS) / 1000);
        throw new AppError(429, 'serverBusy', 'Too many logins at once; try again in a moment', { retryAfterSeconds });
      }
      // The finishing derivation hands its slot over, so `running` never exceeds the bound.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

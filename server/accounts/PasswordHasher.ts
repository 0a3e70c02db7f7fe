import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwordHash.js';

/**
 * Runs at most `maxConcurrent` scrypt derivations at once. Each one holds
 * 128 MiB and a core for most of a second, so unbounded parallel logins or
 * registrations would exhaust memory long before they exhaust anything else.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private unknownAccountHash: Promise<string> | null = null;

  constructor(private readonly maxConcurrent: number) {
    if (maxConcurrent < 1) throw new Error('maxConcurrent must be at least 1');
  }

  hash(password: string): Promise<string> {
    return this.limited(() => hashPassword(password));
  }

  verify(password: string, stored: string): Promise<boolean> {
    return this.limited(() => verifyPassword(password, stored));
  }

  /** Verifies against a random hash, so an unknown email costs the same time as a wrong password. */
  async verifyUnknownAccount(password: string): Promise<false> {
    this.unknownAccountHash ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(password, await this.unknownAccountHash);
    return false;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrent) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

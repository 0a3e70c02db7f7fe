import { describeError } from '../log.js';

export interface StorageProblem {
  /** What failed, in words an operator can act on. */
  reason: string;
  /** The documents whose writes wait for the storage. */
  documents: string[];
  /** When the first of the current failures happened (ms since epoch). */
  since: number;
}

/**
 * Which documents cannot be written right now and why; read by the health
 * endpoint so an operator sees "degraded: disk full" instead of guessing.
 */
export class StorageHealth {
  private readonly failing = new Map<string, { reason: string; since: number }>();

  reportFailure(documentName: string, error: unknown): void {
    if (this.failing.has(documentName)) return;
    this.failing.set(documentName, { reason: describeError(error), since: Date.now() });
  }

  reportRecovered(documentName: string): void {
    this.failing.delete(documentName);
  }

  /** null while every write goes through. */
  get problem(): StorageProblem | null {
    if (this.failing.size === 0) return null;
    const entries = [...this.failing.entries()].sort((a, b) => a[1].since - b[1].since);
    const first = entries[0]?.[1];
    return { reason: first?.reason ?? 'unknown', documents: entries.map(([name]) => name), since: first?.since ?? Date.now() };
  }
}

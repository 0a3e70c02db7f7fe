import type { CloseEvent } from '../../shared/protocol/closeCodes.js';
import { PersistenceFailed, StorageUnavailable } from '../../shared/protocol/closeCodes.js';
import type { DocumentStore } from '../persistence/DocumentStore.js';
import { isStorageUnavailableError } from '../persistence/isStorageUnavailableError.js';
import type { StorageHealth } from '../persistence/StorageHealth.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';

const STORAGE_RETRY_FIRST_MS = 250;
const STORAGE_RETRY_MAX_MS = 5_000;

export interface RetryingAppendOptions {
  name: string;
  store: DocumentStore;
  log: Logger;
  storageHealth?: StorageHealth;
  /** Writers are told when the storage stops and starts taking writes again. */
  onStorageStatus: (canStore: boolean) => void;
}

export interface AppendLimits {
  unstoredBytes: () => number;
  maxUnstoredBytes: number;
  isAbandoned: () => boolean;
}

/** Why an append gave up: the document must be dropped and its peers closed with `closeWith`. */
export class AppendFailed extends Error {
  constructor(
    readonly storeError: unknown,
    readonly closeWith: CloseEvent,
  ) {
    super(`appending failed: ${describeError(storeError)}`);
  }
}

/**
 * One document's appends, retried while the storage is unavailable (a full disk): reads go on,
 * writers are told, nothing is broadcast or confirmed before it is stored, and the document
 * recovers by itself once a write goes through. Any other failure, too many unstored bytes, or a
 * shutdown gives up with AppendFailed.
 */
export class RetryingAppend {
  private storageFailure: unknown = null;
  private stopWaiting: (() => void) | null = null;
  private isStopped = false;

  constructor(private readonly options: RetryingAppendOptions) {}

  /** Whether appends currently wait for the storage. */
  get isStorageUnavailable(): boolean {
    return this.storageFailure !== null;
  }

  /**
   * Starts appending `update`. `isCrashSafe`: it already survives the process being killed (the
   * store's journal took it), so peers may get it before `stored` resolves. Only while the storage
   * is healthy: while it is not, nothing is broadcast before it is stored.
   */
  start(update: Uint8Array, limits: AppendLimits): { isCrashSafe: boolean; stored: Promise<void> } {
    const { name, store } = this.options;
    const committed = this.storageFailure === null ? (store.appendCrashSafe?.(name, update) ?? null) : null;
    // A failed journaled commit is handled like a failed append (the journal keeps the update meanwhile).
    return committed === null ? { isCrashSafe: false, stored: this.append(update, limits) } : { isCrashSafe: true, stored: this.append(update, limits, committed) };
  }

  /**
   * Resolves once `update` is stored. `unstoredBytes` is what else waits in memory meanwhile,
   * `maxUnstoredBytes` how much may wait before giving up; `isAbandoned` stops retrying.
   */
  async append(update: Uint8Array, limits: AppendLimits, firstAttempt?: Promise<void>): Promise<void> {
    const { name, store, storageHealth } = this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        await (attempt === 0 && firstAttempt !== undefined ? firstAttempt : store.appendUpdate(name, update));
        if (this.storageFailure !== null) this.recovered();
        // Also after a reload: a document dropped for the storage is healthy again only once a write went through.
        storageHealth?.reportRecovered(name);
        return;
      } catch (error) {
        if (!isStorageUnavailableError(error) || this.isStopped || limits.isAbandoned()) throw new AppendFailed(error, PersistenceFailed);
        this.unavailable(error);
        if (update.byteLength + limits.unstoredBytes() > limits.maxUnstoredBytes) throw new AppendFailed(error, StorageUnavailable);
        await this.wait(Math.min(STORAGE_RETRY_MAX_MS, STORAGE_RETRY_FIRST_MS * 2 ** attempt));
        if (this.isStopped) throw new AppendFailed(error, StorageUnavailable);
      }
    }
  }

  /** Shutdown: stop waiting for the storage; what is not stored stays with the clients, which resend it. */
  stop(): void {
    this.isStopped = true;
    this.stopWaiting?.();
  }

  private wait(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.stopWaiting = null;
        resolve();
      };
      const timer = setTimeout(done, delayMs);
      this.stopWaiting = done;
    });
  }

  private unavailable(error: unknown): void {
    if (this.storageFailure !== null) return;
    this.storageFailure = error;
    this.options.log.error('the storage cannot take writes; keeping edits in memory and retrying', {
      document: this.options.name,
      error: describeError(error),
    });
    this.options.storageHealth?.reportFailure(this.options.name, error);
    this.options.onStorageStatus(false);
  }

  private recovered(): void {
    this.storageFailure = null;
    this.options.log.info('the storage takes writes again', { document: this.options.name });
    this.options.onStorageStatus(true);
  }
}

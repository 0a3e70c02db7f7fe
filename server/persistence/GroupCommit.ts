import { assertCompleteUpdate } from './assertCompleteUpdate.js';
import type { SerialQueue } from './SerialQueue.js';

export interface PendingAppend {
  name: string;
  update: Uint8Array;
}

interface WaitingAppend extends PendingAppend {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the document stores: appends made in the same event-loop turn (or while the
 * previous commit runs) are committed together, in one call of `commit`, queued behind the store's
 * other work so that a load or compaction requested later sees them.
 */
export class GroupCommit {
  private waiting: WaitingAppend[] = [];
  private isFlushScheduled = false;

  constructor(
    private readonly queue: SerialQueue,
    private readonly commit: (batch: PendingAppend[]) => Promise<void>,
  ) {}

  /** Resolves once the update is committed; rejects at once if it is not one complete Yjs update. */
  add(name: string, update: Uint8Array): Promise<void> {
    try {
      assertCompleteUpdate(update, `An update for ${name}`);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ name, update, resolve, reject });
      if (!this.isFlushScheduled) {
        this.isFlushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Queues what was added so far as one commit; call before work that must see those appends. */
  flush(): void {
    this.isFlushScheduled = false;
    if (this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    void this.queue
      .run(() => this.commit(batch))
      .then(
        () => batch.forEach((append) => append.resolve()),
        (error: unknown) => batch.forEach((append) => append.reject(error)),
      );
  }
}

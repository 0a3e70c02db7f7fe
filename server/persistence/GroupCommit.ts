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

/** A commit queued on the store's queue that has not started: later appends still join it. */
interface OpenCommit {
  batch: WaitingAppend[];
}

/**
 * Group commit for the document stores, without a timer: the first append queues a commit at
 * once, and every append made until that commit starts (the same turn, or while the store is
 * busy with the previous commit) joins it. An idle store commits a lone update right away; a busy
 * one commits everything that piled up in one transaction.
 */
export class GroupCommit {
  private open: OpenCommit | null = null;

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
      const append = { name, update, resolve, reject };
      if (this.open !== null) {
        this.open.batch.push(append);
        return;
      }
      const pending: OpenCommit = { batch: [append] };
      this.open = pending;
      void this.queue
        .run(() => {
          if (this.open === pending) this.open = null;
          return this.commit(pending.batch);
        })
        .then(
          () => pending.batch.forEach((waiting) => waiting.resolve()),
          (error: unknown) => pending.batch.forEach((waiting) => waiting.reject(error)),
        );
    });
  }

  /**
   * Closes the queued commit to later appends. Call before queueing work that must see exactly the
   * appends made so far (a load, a compaction whose state holds them): later ones commit after it.
   */
  flush(): void {
    this.open = null;
  }
}

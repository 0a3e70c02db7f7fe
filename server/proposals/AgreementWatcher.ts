import type * as Y from 'yjs';
import { parseDocumentName } from '../../shared/documentName.js';
import { agreedBlockContent } from '../../shared/deliberation/agreedBlockContent.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import { findPlanBlocks } from '../plans/findPlanBlock.js';
import { blockContentHash } from './blockContentHash.js';
import type { ProposalService } from './ProposalService.js';

export interface AgreementWatcherOptions {
  proposals: Pick<ProposalService, 'agreementsOf' | 'forgetAgreements' | 'publishDerived'>;
  log: Logger;
  /** At most one check per plan in this interval, however fast people type. */
  checkIntervalMs: number;
}

/**
 * Tells everyone on a plan, live, when an agreed block's content moves away
 * from the agreed text (or back to it). Hashing every agreed block on every
 * keystroke would cost the server on each update, so a plan is checked at most
 * once per interval after an edit, and only its agreed blocks are read.
 */
export class AgreementWatcher {
  /**
   * Per plan and agreed block: the agreement's hash and whether the block was
   * changed against it when last checked. A new agreement (a new hash) starts
   * unseen: its decision was published with the block's state then.
   */
  private readonly lastSeen = new Map<string, Map<string, { agreedHash: string; isChanged: boolean }>>();

  constructor(private readonly options: AgreementWatcherOptions) {}

  /** Starts watching a loaded plan document until it is destroyed. */
  watch(document: Y.Doc & { name: string }): void {
    const planId = parseDocumentName(document.name);
    if (planId === null) return;
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> = Promise.resolve();
    let isWatching = true;
    const onUpdate = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        running = running.then(() => this.check(planId, document, () => isWatching));
      }, this.options.checkIntervalMs);
      timer.unref();
    };
    document.on('update', onUpdate);
    // An unloaded plan keeps nothing here or in the agreements cache; it is read again on its next load.
    document.once('destroy', () => {
      isWatching = false;
      document.off('update', onUpdate);
      if (timer !== null) clearTimeout(timer);
      this.lastSeen.delete(planId);
      this.options.proposals.forgetAgreements(planId);
    });
  }

  /** Plans with remembered agreement states (0 once every watched document was destroyed). */
  get watchedPlanCount(): number {
    return this.lastSeen.size;
  }

  private async check(planId: string, document: Y.Doc, isWatching: () => boolean): Promise<void> {
    try {
      const agreements = await this.options.proposals.agreementsOf(planId);
      // Destroyed while the agreements were read: nothing to tell, and nothing to remember.
      if (!isWatching()) {
        this.options.proposals.forgetAgreements(planId);
        return;
      }
      const seen = this.lastSeen.get(planId) ?? new Map<string, { agreedHash: string; isChanged: boolean }>();
      this.lastSeen.set(planId, seen);
      if (agreements.size === 0) return;
      const blocks = findPlanBlocks(document, new Set(agreements.keys()));
      const hashes = new Map<string, string>();
      const flipped: string[] = [];
      for (const [blockId, agreedHash] of agreements) {
        const reference = blocks.get(blockId);
        if (!reference) continue; // a deleted block has nothing to show a marker on
        const hash = blockContentHash(agreedBlockContent(reference.block));
        hashes.set(blockId, hash);
        const isChanged = hash !== agreedHash;
        const previous = seen.get(blockId);
        // Unseen and unchanged: what clients loaded, or the decision they were sent, already says so.
        const wasChanged = previous !== undefined && previous.agreedHash === agreedHash ? previous.isChanged : false;
        if (wasChanged !== isChanged) flipped.push(blockId);
        seen.set(blockId, { agreedHash, isChanged });
      }
      for (const blockId of seen.keys()) if (!agreements.has(blockId)) seen.delete(blockId);
      if (flipped.length > 0) await this.options.proposals.publishDerived(planId, flipped, hashes);
    } catch (error) {
      this.options.log.error('checking agreed blocks failed', { planId, error: describeError(error) });
    }
  }
}

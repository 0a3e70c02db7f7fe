import * as Y from 'yjs';
import { parseDocumentName } from '../../shared/documentName.js';
import { agreedBlockContent } from '../../shared/deliberation/agreedBlockContent.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import { loadPlanDocumentCode } from '../plans/loadPlanDocumentCode.js';
import { blockContentHash } from './blockContentHash.js';
import type { ProposalService } from './ProposalService.js';
import type { AnnouncedAgreement, AnnouncedAgreements } from './AnnouncedAgreements.js';

export interface AgreementWatcherOptions {
  proposals: Pick<ProposalService, 'agreementsOf' | 'forgetAgreements' | 'publishDerived'>;
  /** What clients were last told; shared by the instances when there are several (RedisAnnouncedAgreements). */
  announced: AnnouncedAgreements;
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
  private readonly watchedPlans = new Set<string>();

  constructor(private readonly options: AgreementWatcherOptions) {}

  /**
   * Starts watching a loaded plan document until it is destroyed. With several instances each one
   * that holds the plan checks after every edit, its own clients' and the replicated ones: what
   * clients were last told is shared (AnnouncedAgreements), so the instance whose check flips it
   * announces, once, and the last check after the last edit leaves it true.
   */
  watch(document: Y.Doc & { name: string }): void {
    const planId = parseDocumentName(document.name);
    if (planId === null) return;
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> = Promise.resolve();
    let isWatching = true;
    this.watchedPlans.add(planId);
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
      this.watchedPlans.delete(planId);
      this.options.announced.forget(planId);
      this.options.proposals.forgetAgreements(planId);
    });
  }

  /** Plans with remembered agreement states (0 once every watched document was destroyed). */
  get watchedPlanCount(): number {
    return this.watchedPlans.size;
  }

  private async check(planId: string, document: Y.Doc, isWatching: () => boolean): Promise<void> {
    try {
      // The code first: its first load can take a second, and agreements read before it could be stale by then.
      const { findPlanBlocks } = await loadPlanDocumentCode();
      const agreements = await this.options.proposals.agreementsOf(planId);
      // Destroyed while the agreements were read: nothing to tell, and nothing to remember.
      if (!isWatching()) {
        this.options.proposals.forgetAgreements(planId);
        return;
      }
      if (agreements.size === 0) return;
      const seenClock = documentClock(document);
      const blocks = findPlanBlocks(document, new Set(agreements.keys()));
      const hashes = new Map<string, string>();
      const current = new Map<string, AnnouncedAgreement>();
      for (const [blockId, agreement] of agreements) {
        const reference = blocks.get(blockId);
        if (!reference) continue; // a deleted block has nothing to show a marker on
        const hash = blockContentHash(agreedBlockContent(reference.block));
        hashes.set(blockId, hash);
        current.set(blockId, { agreementSeq: agreement.seq, isChanged: hash !== agreement.contentHash });
      }
      const previous = await this.options.announced.swap(planId, current, seenClock);
      // Destroyed during the swap: the record just written must not outlive the plan.
      if (!isWatching()) this.options.announced.forget(planId);
      // Another instance checked a newer state of the document or of the register; this one checks again after the next edit.
      if (previous === null) return;
      const flipped: string[] = [];
      for (const [blockId, { agreementSeq, isChanged }] of current) {
        const before = previous.get(blockId);
        // Unseen (or of an older agreement) and unchanged: what clients loaded, or the decision they were sent, already says so.
        const wasChanged = before !== undefined && before.agreementSeq === agreementSeq ? before.isChanged : false;
        if (wasChanged !== isChanged) flipped.push(blockId);
      }
      if (flipped.length > 0) await this.options.proposals.publishDerived(planId, flipped, hashes);
    } catch (error) {
      this.options.log.error('checking agreed blocks failed', { planId, error: describeError(error) });
    }
  }
}

/**
 * How much of the document this copy has seen: the sum of its state vector. It only grows, and a copy
 * that has every update another has is at least as high, so the newest check is the highest.
 */
function documentClock(document: Y.Doc): number {
  let clock = 0;
  for (const value of Y.decodeStateVector(Y.encodeStateVector(document)).values()) clock += value;
  return clock;
}

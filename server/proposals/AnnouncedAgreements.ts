/** What clients were last told about an agreed block: the agreement's content hash and whether the block had changed against it. */
export interface AnnouncedAgreement {
  agreedHash: string;
  isChanged: boolean;
}

/**
 * The agreed blocks' states clients were last told, per plan, kept where every instance that checks
 * a plan sees it (AgreementWatcher). Swapping is atomic, so of several instances that notice the same
 * flip exactly one finds the old state and announces it.
 */
export interface AnnouncedAgreements {
  /**
   * Records `current` for the plan and returns what was recorded before for those blocks; drops the
   * records of blocks no longer in `agreedBlockIds` (an agreed block missing from the document keeps its record).
   * `seenClock` is how much of the document the check saw (documentClock): a check that saw less than
   * the last recorded one (an instance the latest edits have not reached yet) records nothing and gets
   * null, so it cannot announce a flip back that the next update would undo.
   */
  swap(
    planId: string,
    current: ReadonlyMap<string, AnnouncedAgreement>,
    agreedBlockIds: readonly string[],
    seenClock: number,
  ): Promise<Map<string, AnnouncedAgreement> | null>;
  /** The plan left this instance's memory. */
  forget(planId: string): void;
}

/** One process: the records live as long as the plan is loaded here. */
export class LocalAnnouncedAgreements implements AnnouncedAgreements {
  private readonly plans = new Map<string, { seenClock: number; records: Map<string, AnnouncedAgreement> }>();

  swap(
    planId: string,
    current: ReadonlyMap<string, AnnouncedAgreement>,
    agreedBlockIds: readonly string[],
    seenClock: number,
  ): Promise<Map<string, AnnouncedAgreement> | null> {
    const plan = this.plans.get(planId) ?? { seenClock, records: new Map<string, AnnouncedAgreement>() };
    if (seenClock < plan.seenClock) return Promise.resolve(null);
    plan.seenClock = seenClock;
    this.plans.set(planId, plan);
    const { records } = plan;
    const previous = new Map<string, AnnouncedAgreement>();
    for (const [blockId, state] of current) {
      const before = records.get(blockId);
      if (before) previous.set(blockId, before);
      records.set(blockId, state);
    }
    const agreed = new Set(agreedBlockIds);
    for (const blockId of records.keys()) if (!agreed.has(blockId)) records.delete(blockId);
    return Promise.resolve(previous);
  }

  forget(planId: string): void {
    this.plans.delete(planId);
  }

  /** Plans with records (0 once every watched plan left memory). */
  get planCount(): number {
    return this.plans.size;
  }
}

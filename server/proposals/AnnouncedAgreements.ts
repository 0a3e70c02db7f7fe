/** What clients were last told about an agreed block: which agreement (its register seq) and whether the block had changed against it. */
export interface AnnouncedAgreement {
  agreementSeq: number;
  isChanged: boolean;
}

/**
 * The agreed blocks' states clients were last told, per plan, kept where every instance that checks
 * a plan sees it (AgreementWatcher). Swapping is atomic, so of several instances that notice the same
 * flip exactly one finds the old state and announces it.
 */
export interface AnnouncedAgreements {
  /**
   * Records `current` for the plan and returns what was recorded before for those blocks. Records of
   * blocks missing from `current` stay: a check missing an agreement may just not know it yet, and a
   * record of an agreement since replaced is told apart by its seq.
   *
   * A stale check records nothing and gets null, so it cannot announce a flip the next check undoes:
   * one that saw less of the document than the last recorded one (`seenClock`, see documentClock: an
   * instance the latest edits have not reached yet), or one that knows an older agreement of a block
   * than the one recorded (an instance that read the register before the latest decision).
   */
  swap(planId: string, current: ReadonlyMap<string, AnnouncedAgreement>, seenClock: number): Promise<Map<string, AnnouncedAgreement> | null>;
  /** The plan left this instance's memory. */
  forget(planId: string): void;
}

/** One process: the records live as long as the plan is loaded here. */
export class LocalAnnouncedAgreements implements AnnouncedAgreements {
  private readonly plans = new Map<string, { seenClock: number; records: Map<string, AnnouncedAgreement> }>();

  swap(planId: string, current: ReadonlyMap<string, AnnouncedAgreement>, seenClock: number): Promise<Map<string, AnnouncedAgreement> | null> {
    const plan = this.plans.get(planId) ?? { seenClock, records: new Map<string, AnnouncedAgreement>() };
    if (seenClock < plan.seenClock) return Promise.resolve(null);
    const { records } = plan;
    for (const [blockId, state] of current) {
      const before = records.get(blockId);
      if (before && before.agreementSeq > state.agreementSeq) return Promise.resolve(null);
    }
    plan.seenClock = seenClock;
    this.plans.set(planId, plan);
    const previous = new Map<string, AnnouncedAgreement>();
    for (const [blockId, state] of current) {
      const before = records.get(blockId);
      if (before) previous.set(blockId, before);
      records.set(blockId, state);
    }
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

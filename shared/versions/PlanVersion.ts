export type VersionKind = 'named' | 'agreed';

/** A frozen snapshot of a plan. Agreed versions carry the team's decision and are never changed. */
export interface PlanVersion {
  id: string;
  planId: string;
  kind: VersionKind;
  name: string;
  note: string;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  /** Agreed versions only: their number within the plan, the decision and the content hash. */
  agreed: { number: number; decisionDate: string; decisionReference: string } | null;
  /** SHA-256 of the snapshot's plan JSON, recorded statuses and register (and the remarks annex, when there is one). */
  contentHash: string;
  /** Agreed versions only: the consultation whose remarks table the version annexes, if any. */
  remarksAnnex: { consultationId: string; consultationNumber: number; remarkCount: number } | null;
}

/** A proposal block that still blocks freezing an agreed version. */
export interface OpenProposal {
  blockId: string;
  blockType: string;
  title: string;
  status: string;
}

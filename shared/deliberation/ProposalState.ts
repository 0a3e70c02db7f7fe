/** Lifecycle of a proposal (domain note §2.5). */
export const PROPOSAL_STATUSES = ['draft', 'proposed', 'underDiscussion', 'agreed', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const VOTES = ['for', 'against', 'abstain'] as const;
export type Vote = (typeof VOTES)[number];

export const PROPOSAL_BLOCK_TYPES = ['interventionDirection', 'recommendation'] as const;
export type ProposalBlockType = (typeof PROPOSAL_BLOCK_TYPES)[number];

export interface ProposalVote {
  userId: string;
  name: string;
  vote: Vote;
  at: number;
}

/** The recorded state of one block's proposal; the block's own `status` attribute is not trusted. */
export interface ProposalState {
  planId: string;
  blockId: string;
  blockType: ProposalBlockType;
  status: ProposalStatus;
  proposedBy: string | null;
  /** Votes of the current round (since the block was last proposed). */
  votes: ProposalVote[];
  tally: Record<Vote, number>;
  /** The last agreed/rejected decision's note, such as the minutes reference. */
  decisionNote: string | null;
  updatedAt: number | null;
}

/** One row of the decision register: a status change or a vote. */
export interface DecisionRecord {
  seq: number;
  planId: string;
  blockId: string;
  blockType: ProposalBlockType;
  kind: 'status' | 'vote';
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus | null;
  vote: Vote | null;
  note: string;
  actorId: string;
  actorName: string;
  createdAt: number;
  /**
   * Set when the row records a decision a plan file brought with it at import,
   * taken before the plan came here: `actorName` and `createdAt` are then the
   * importing person and moment, and these are what the file says.
   */
  imported?: ImportedDecision;
}

export interface ImportedDecision {
  /** 'YYYY-MM-DD', the decision date the file names, or null when it names none. */
  decidedOn: string | null;
  /** The person the file names for this step (the proposer), or null. */
  decidedBy: string | null;
}

/** Who may move a proposal from one status to another; the server enforces it. */
export type TransitionActor = 'editor' | 'proposer' | 'chair';

export const TRANSITIONS: ReadonlyArray<{ from: readonly ProposalStatus[]; to: ProposalStatus; by: readonly TransitionActor[] }> = [
  { from: ['draft', 'withdrawn', 'rejected'], to: 'proposed', by: ['editor'] },
  { from: ['proposed'], to: 'underDiscussion', by: ['proposer', 'chair'] },
  { from: ['proposed', 'underDiscussion'], to: 'agreed', by: ['chair'] },
  { from: ['proposed', 'underDiscussion'], to: 'rejected', by: ['chair'] },
  { from: ['proposed', 'underDiscussion'], to: 'withdrawn', by: ['proposer'] },
  { from: ['agreed', 'rejected'], to: 'underDiscussion', by: ['chair'] },
];

export function isVotingOpen(status: ProposalStatus): boolean {
  return status === 'proposed' || status === 'underDiscussion';
}

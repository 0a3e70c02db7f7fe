/**
 * Lifecycle of a proposal (domain note §2.5). `changedSinceAgreement` is never
 * recorded: it is derived for an agreed block whose content no longer has the
 * hash the agreement recorded.
 */
export const PROPOSAL_STATUSES = ['draft', 'proposed', 'underDiscussion', 'agreed', 'rejected', 'withdrawn', 'changedSinceAgreement'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** How a decision (agreed / rejected) was taken. */
export const DECISION_METHODS = ['consensus', 'vote'] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];

export type VoteTally = Record<Vote, number>;

/**
 * What a decision was taken on: the block's content then (canonical JSON of its
 * typed values, see agreedBlockContent), its SHA-256, and the latest saved
 * version of the plan at that moment.
 */
export interface DecidedContent {
  contentHash: string;
  content: string;
  /** The plan version (named or agreed) that was the latest saved one when the decision was taken, or null. */
  versionId: string | null;
}

/** The agreement an agreed (or changed since agreement) block stands on. */
export interface Agreement extends DecidedContent {
  seq: number;
  decidedAt: number;
  method: DecisionMethod | null;
  tally: VoteTally | null;
}

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
  tally: VoteTally;
  /** The last agreed/rejected decision's note, such as the minutes reference. */
  decisionNote: string | null;
  /** How the last agreed/rejected decision was taken (null for decisions recorded before methods were, and imported ones). */
  decisionMethod: DecisionMethod | null;
  /** The tally that decision was taken on, when it was by vote. */
  decisionTally: VoteTally | null;
  /** While the block stands agreed (or changed since agreement): the content that was agreed. */
  agreement: Agreement | null;
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
  /** Decisions (agreed / rejected) only: how it was taken and, by vote, the tally then. */
  method?: DecisionMethod;
  tally?: VoteTally;
  /** Decisions only: the hash of the block's content it was taken on and the latest saved version then. */
  contentHash?: string;
  versionId?: string | null;
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

// A block changed since its agreement needs a new round: proposed again, or reopened by the chair.
export const TRANSITIONS: ReadonlyArray<{ from: readonly ProposalStatus[]; to: ProposalStatus; by: readonly TransitionActor[] }> = [
  { from: ['draft', 'withdrawn', 'rejected', 'changedSinceAgreement'], to: 'proposed', by: ['editor'] },
  { from: ['proposed'], to: 'underDiscussion', by: ['proposer', 'chair'] },
  { from: ['proposed', 'underDiscussion'], to: 'agreed', by: ['chair'] },
  { from: ['proposed', 'underDiscussion'], to: 'rejected', by: ['chair'] },
  { from: ['proposed', 'underDiscussion'], to: 'withdrawn', by: ['proposer'] },
  { from: ['agreed', 'rejected', 'changedSinceAgreement'], to: 'underDiscussion', by: ['chair'] },
];

/** The statuses a transition may lead to (the derived one is never a target). */
export const TRANSITION_TARGETS = ['proposed', 'underDiscussion', 'agreed', 'rejected', 'withdrawn'] as const;

export function isVotingOpen(status: ProposalStatus): boolean {
  return status === 'proposed' || status === 'underDiscussion';
}

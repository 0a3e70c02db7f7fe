import type { SqliteDatabase } from '../persistence/sqlite.js';
import { AppError, badRequest, forbidden } from '../errors.js';
import type { User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import type { PlanEventPublisher } from '../events/PlanEventPublisher.js';
import { can, type Role } from '../../shared/workspace/roles.js';
import {
  PROPOSAL_BLOCK_TYPES,
  PROPOSAL_STATUSES,
  TRANSITIONS,
  VOTES,
  isVotingOpen,
  type DecisionRecord,
  type ImportedDecision,
  type ProposalBlockType,
  type ProposalState,
  type ProposalStatus,
  type TransitionActor,
  type Vote,
} from '../../shared/deliberation/ProposalState.js';
import type { PlanBlockReference } from '../plans/findPlanBlock.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { decisionDateInNote } from './decisionDateInNote.js';

export interface ProposalServiceOptions {
  database: SqliteDatabase;
  plans: PlanService;
  events: PlanEventPublisher;
  findBlock: (planId: string, blockId: string) => Promise<PlanBlockReference | null>;
}

interface EventRow {
  seq: number;
  plan_id: string;
  block_id: string;
  block_type: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  vote: string | null;
  note: string;
  actor_id: string;
  actor_name: string;
  created_at: number;
  imported: number;
  decided_on: string | null;
  decided_by: string | null;
}

const asStatus = (value: string | null): ProposalStatus | null =>
  value !== null && (PROPOSAL_STATUSES as readonly string[]).includes(value) ? (value as ProposalStatus) : null;
const asVote = (value: string | null): Vote | null =>
  value !== null && (VOTES as readonly string[]).includes(value) ? (value as Vote) : null;
const asBlockType = (value: string): ProposalBlockType =>
  (PROPOSAL_BLOCK_TYPES as readonly string[]).includes(value) ? (value as ProposalBlockType) : 'interventionDirection';

/**
 * The proposal lifecycle and votes, as an append-only event log per block.
 * The log is the decision register; the current state is derived from it, so
 * nothing a client writes into the document can change a recorded decision.
 */
export class ProposalService {
  constructor(private readonly options: ProposalServiceOptions) {}

  async list(planId: string, user: User): Promise<ProposalState[]> {
    await this.options.plans.getForUser(planId, user);
    return this.statesOf(planId);
  }

  /** Recorded states of every block with events; callers check access themselves. */
  async statesOf(planId: string): Promise<ProposalState[]> {
    const rows = await this.events(planId);
    const blockIds = [...new Set(rows.map((row) => row.block_id))];
    return blockIds.map((blockId) => deriveState(planId, blockId, rows.filter((row) => row.block_id === blockId)));
  }

  async register(planId: string, user: User, blockId?: string): Promise<DecisionRecord[]> {
    await this.options.plans.getForUser(planId, user);
    return this.registerOf(planId, blockId);
  }

  /** The decision register without an access check, for versions and exports. */
  async registerOf(planId: string, blockId?: string): Promise<DecisionRecord[]> {
    const rows = await this.events(planId, blockId);
    return rows.map(toRecord);
  }

  async transition(planId: string, blockId: string, user: User, to: ProposalStatus, note: string): Promise<ProposalState> {
    const { role, plan } = await this.options.plans.getForUser(planId, user);
    if (plan.status !== 'active') throw forbidden('This plan is archived');
    const block = await this.requireProposalBlock(planId, blockId);
    const current = deriveState(planId, blockId, await this.events(planId, blockId));
    const rule = TRANSITIONS.find((candidate) => candidate.to === to && candidate.from.includes(current.status));
    if (!rule) {
      throw new AppError(409, 'invalidTransition', `A proposal cannot go from ${current.status} to ${to}`, {
        from: current.status,
        to,
      });
    }
    if (!rule.by.some((actor) => isActor(actor, role, user, current))) {
      throw forbidden(`Your role (${role}) cannot move a proposal to ${to}`);
    }
    if ((to === 'agreed' || to === 'rejected') && note.trim() === '') {
      throw badRequest('noteRequired', 'A decision needs a note, such as the minutes reference');
    }
    await this.append(planId, blockId, block.type, user, { kind: 'status', fromStatus: current.status, toStatus: to, note });
    return this.publish(planId, blockId);
  }

  async vote(planId: string, blockId: string, user: User, vote: Vote): Promise<ProposalState> {
    const { role, plan } = await this.options.plans.getForUser(planId, user);
    if (plan.status !== 'active') throw forbidden('This plan is archived');
    if (!can(role, 'proposal.vote')) throw forbidden(`Your role (${role}) does not vote`);
    const block = await this.requireProposalBlock(planId, blockId);
    const current = deriveState(planId, blockId, await this.events(planId, blockId));
    if (!isVotingOpen(current.status)) {
      throw new AppError(409, 'votingClosed', `Voting is only open on proposed or discussed blocks (this one is ${current.status})`);
    }
    await this.append(planId, blockId, block.type, user, { kind: 'vote', vote, note: '' });
    return this.publish(planId, blockId);
  }

  /**
   * Records the statuses a plan file brings with it, as decisions taken before
   * the plan came here, so the register and the file agree from the start.
   * The rows are marked as imported and keep what the file says: the note, the
   * date the note names and, for a proposal, its proposer from the file's team.
   */
  async recordImportedStatuses(planId: string, user: User, plan: Plan): Promise<void> {
    const memberName = (memberId: string): string | null => plan.team.find((member) => member.id === memberId)?.name || null;
    for (const section of plan.sections) {
      for (const block of section.blocks) {
        if (block.type !== 'interventionDirection' && block.type !== 'recommendation') continue;
        const status = asStatus(block.status ?? null);
        if (status === null || status === 'draft') continue;
        const note = block.type === 'recommendation' ? block.statusNote.trim() : '';
        const proposer = block.type === 'recommendation' && block.proposedBy !== '' ? memberName(block.proposedBy) : null;
        const isDecision = status === 'agreed' || status === 'rejected';
        await this.append(planId, block.id, block.type, user, {
          kind: 'status',
          fromStatus: 'draft',
          toStatus: status,
          note,
          imported: { decidedOn: decisionDateInNote(note), decidedBy: isDecision ? null : proposer },
        });
      }
    }
  }

  private async requireProposalBlock(planId: string, blockId: string): Promise<PlanBlockReference> {
    const block = await this.options.findBlock(planId, blockId);
    if (!block) throw badRequest('unknownBlock', `No block with id '${blockId}' in this plan`);
    if (!(PROPOSAL_BLOCK_TYPES as readonly string[]).includes(block.type)) {
      throw badRequest('notAProposal', `Only intervention directions and recommendations are proposals (${blockId} is ${block.type})`);
    }
    return block;
  }

  private async append(
    planId: string,
    blockId: string,
    blockType: string,
    user: User,
    event: { kind: 'status' | 'vote'; fromStatus?: ProposalStatus; toStatus?: ProposalStatus; vote?: Vote; note: string; imported?: ImportedDecision },
  ): Promise<void> {
    await this.options.database.run(
      `INSERT INTO proposal_events (plan_id, block_id, block_type, kind, from_status, to_status, vote, note, actor_id, created_at, imported, decided_on, decided_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        planId, blockId, blockType, event.kind, event.fromStatus ?? null, event.toStatus ?? null, event.vote ?? null, event.note, user.id, Date.now(),
        event.imported === undefined ? 0 : 1, event.imported?.decidedOn ?? null, event.imported?.decidedBy ?? null,
      ],
    );
  }

  private async publish(planId: string, blockId: string): Promise<ProposalState> {
    const proposal = deriveState(planId, blockId, await this.events(planId, blockId));
    this.options.events.publish(planId, { type: 'proposalChanged', proposal });
    return proposal;
  }

  private events(planId: string, blockId?: string): Promise<EventRow[]> {
    return this.options.database.all<EventRow>(
      `SELECT proposal_events.*, users.name AS actor_name FROM proposal_events
       JOIN users ON users.id = proposal_events.actor_id
       WHERE plan_id = ? ${blockId === undefined ? '' : 'AND block_id = ?'} ORDER BY seq`,
      blockId === undefined ? [planId] : [planId, blockId],
    );
  }
}

function isActor(actor: TransitionActor, role: Role, user: User, current: ProposalState): boolean {
  switch (actor) {
    case 'editor':
      return can(role, 'plan.edit');
    case 'proposer':
      return current.proposedBy === user.id && can(role, 'plan.edit');
    case 'chair':
      return can(role, 'proposal.decide');
  }
}

function deriveState(planId: string, blockId: string, rows: EventRow[]): ProposalState {
  let status: ProposalStatus = 'draft';
  let proposedBy: string | null = null;
  let decisionNote: string | null = null;
  let votes = new Map<string, { name: string; vote: Vote; at: number }>();
  let blockType: ProposalBlockType = 'interventionDirection';
  let updatedAt: number | null = null;
  for (const row of rows) {
    blockType = asBlockType(row.block_type);
    updatedAt = row.created_at;
    if (row.kind === 'status') {
      status = asStatus(row.to_status) ?? status;
      if (status === 'proposed') {
        proposedBy = row.actor_id;
        votes = new Map(); // a new round of votes
      }
      if (status === 'agreed' || status === 'rejected') decisionNote = row.note;
    } else {
      const vote = asVote(row.vote);
      if (vote !== null) votes.set(row.actor_id, { name: row.actor_name, vote, at: row.created_at });
    }
  }
  const tally: Record<Vote, number> = { for: 0, against: 0, abstain: 0 };
  for (const entry of votes.values()) tally[entry.vote] += 1;
  return {
    planId,
    blockId,
    blockType,
    status,
    proposedBy,
    votes: [...votes.entries()].map(([userId, entry]) => ({ userId, name: entry.name, vote: entry.vote, at: entry.at })),
    tally,
    decisionNote,
    updatedAt,
  };
}

function toRecord(row: EventRow): DecisionRecord {
  return {
    seq: row.seq,
    planId: row.plan_id,
    blockId: row.block_id,
    blockType: asBlockType(row.block_type),
    kind: row.kind === 'vote' ? 'vote' : 'status',
    fromStatus: asStatus(row.from_status),
    toStatus: asStatus(row.to_status),
    vote: asVote(row.vote),
    note: row.note,
    actorId: row.actor_id,
    actorName: row.actor_name,
    createdAt: row.created_at,
    ...(row.imported === 1 ? { imported: { decidedOn: row.decided_on, decidedBy: row.decided_by } } : {}),
  };
}

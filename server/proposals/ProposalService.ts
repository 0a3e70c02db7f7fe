import type { ServiceDatabase } from '../database/ServiceDatabase.js';
import { AppError, badRequest, forbidden } from '../errors.js';
import type { User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import type { PlanEventPublisher } from '../events/PlanEventPublisher.js';
import { can, type Role } from '../../shared/workspace/roles.js';
import {
  DECISION_METHODS,
  PROPOSAL_BLOCK_TYPES,
  PROPOSAL_STATUSES,
  TRANSITIONS,
  VOTES,
  isVotingOpen,
  type Agreement,
  type DecidedContent,
  type DecisionMethod,
  type DecisionRecord,
  type ImportedDecision,
  type ProposalBlockType,
  type ProposalState,
  type ProposalStatus,
  type TransitionActor,
  type Vote,
  type VoteTally,
} from '../../shared/deliberation/ProposalState.js';
import type { PlanBlockReference } from '../plans/findPlanBlock.js';
import type { Plan, TypedBlock } from '../../shared/domain/Plan.js';
import { agreedBlockContent } from '../../shared/deliberation/agreedBlockContent.js';
import { decisionDateInNote } from './decisionDateInNote.js';
import { blockContentHash } from './blockContentHash.js';

export interface ProposalServiceOptions {
  database: ServiceDatabase;
  plans: PlanService;
  events: PlanEventPublisher;
  findBlock: (planId: string, blockId: string) => Promise<PlanBlockReference | null>;
  /** The draft's typed blocks with these ids (those found). */
  findBlocks: (planId: string, blockIds: ReadonlySet<string>) => Promise<Map<string, PlanBlockReference>>;
}

/** How the chair says a decision was taken; `vote` is checked against the current tally. */
export interface DecisionInput {
  note: string;
  method?: DecisionMethod;
}

/** The current content hash of blocks by id; a block missing from the map could not be read (deleted). */
export type ContentHashes = ReadonlyMap<string, string>;

/** An agreement of a block: its register seq (each decision has its own) and the hash of the content agreed. */
export interface AgreementKey {
  seq: number;
  contentHash: string;
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
  method: string | null;
  tally: string | null;
  content_hash: string | null;
  decided_content: string | null;
  version_id: string | null;
}

type NewEvent = {
  kind: 'status' | 'vote';
  fromStatus?: ProposalStatus;
  toStatus?: ProposalStatus;
  vote?: Vote;
  note: string;
  imported?: ImportedDecision;
  method?: DecisionMethod;
  tally?: VoteTally;
  decided?: DecidedContent;
};

const asStatus = (value: string | null): ProposalStatus | null =>
  value !== null && (PROPOSAL_STATUSES as readonly string[]).includes(value) ? (value as ProposalStatus) : null;
const asVote = (value: string | null): Vote | null =>
  value !== null && (VOTES as readonly string[]).includes(value) ? (value as Vote) : null;
const asMethod = (value: string | null): DecisionMethod | null =>
  value !== null && (DECISION_METHODS as readonly string[]).includes(value) ? (value as DecisionMethod) : null;
const asBlockType = (value: string): ProposalBlockType =>
  (PROPOSAL_BLOCK_TYPES as readonly string[]).includes(value) ? (value as ProposalBlockType) : 'interventionDirection';

/**
 * The proposal lifecycle and votes, as an append-only event log per block.
 * The log is the decision register; the current state is derived from it, so
 * nothing a client writes into the document can change a recorded decision.
 */
export class ProposalService {
  private readonly agreements = new Map<string, Promise<Map<string, AgreementKey>>>();

  constructor(private readonly options: ProposalServiceOptions) {}

  async list(planId: string, user: User): Promise<ProposalState[]> {
    await this.options.plans.getForUser(planId, user);
    return this.statesOf(planId);
  }

  /**
   * States of every block with events, an agreed block compared with the
   * draft as it is now; callers check access themselves.
   */
  async statesOf(planId: string): Promise<ProposalState[]> {
    const rows = await this.events(planId);
    const agreed = agreedBlockIds(rows);
    const blocks = await this.options.findBlocks(planId, agreed);
    return statesFromRows(planId, rows, hashesOf([...blocks.values()].map((reference) => reference.block)));
  }

  /** States of every block with events, agreed blocks compared with the blocks of `plan` (one snapshot of the draft). */
  async statesOfPlan(planId: string, plan: Plan): Promise<ProposalState[]> {
    const rows = await this.events(planId);
    const blocks = plan.sections.flatMap((section) => section.blocks).filter(isProposalBlock);
    return statesFromRows(planId, rows, hashesOf(blocks));
  }

  /**
   * The agreed blocks of a plan with the content hash of their agreement, for
   * the watcher that tells clients when one changes; cached until the next event
   * (recorded here, or announced by another instance: forgetAgreements).
   */
  agreementsOf(planId: string): Promise<Map<string, AgreementKey>> {
    const cached = this.agreements.get(planId);
    if (cached) return cached;
    const loading = this.events(planId).then((rows) => {
      const agreements = new Map<string, AgreementKey>();
      for (const state of statesFromRows(planId, rows, new Map())) {
        if (state.agreement !== null) agreements.set(state.blockId, { seq: state.agreement.seq, contentHash: state.agreement.contentHash });
      }
      return agreements;
    });
    this.agreements.set(planId, loading);
    loading.catch(() => this.agreements.delete(planId));
    return loading;
  }

  /**
   * Drops a plan's cached agreements: the plan left memory (AgreementWatcher), or another instance
   * recorded a proposal event on it, so what is cached here may be stale. Read again when needed.
   */
  forgetAgreements(planId: string): void {
    this.agreements.delete(planId);
  }

  /** Plans whose agreements are cached. */
  get cachedAgreementPlanCount(): number {
    return this.agreements.size;
  }

  /** Tells everyone on the plan the derived state of these blocks (their content moved away from, or back to, the agreed text). */
  async publishDerived(planId: string, blockIds: readonly string[], hashes: ContentHashes): Promise<void> {
    for (const blockId of blockIds) {
      const proposal = deriveState(planId, blockId, await this.events(planId, blockId), hashes.get(blockId) ?? null);
      this.options.events.publish(planId, { type: 'proposalChanged', proposal });
    }
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

  async transition(planId: string, blockId: string, user: User, to: ProposalStatus, input: DecisionInput): Promise<ProposalState> {
    const { role, plan } = await this.options.plans.getForUser(planId, user);
    if (plan.status !== 'active') throw forbidden('This plan is archived');
    const reference = await this.requireProposalBlock(planId, blockId);
    const content = agreedBlockContent(reference.block);
    const contentHash = blockContentHash(content);
    const current = deriveState(planId, blockId, await this.events(planId, blockId), contentHash);
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
    if ((to === 'proposed' || to === 'agreed') && reference.title.trim() === '') {
      throw badRequest('titleRequired', 'A proposal needs a title: give the block a title first', { field: 'title', blockId });
    }
    const isDecision = to === 'agreed' || to === 'rejected';
    if (!isDecision) {
      await this.append(planId, blockId, reference.type, user, { kind: 'status', fromStatus: current.status, toStatus: to, note: input.note });
      return this.publish(planId, blockId, contentHash);
    }
    if (input.note.trim() === '') {
      throw badRequest('noteRequired', 'A decision needs a note, such as the minutes reference', { field: 'note' });
    }
    if (input.method === undefined) {
      throw badRequest('methodRequired', 'A decision says how it was taken: by consensus or by vote', { field: 'method' });
    }
    if (input.method === 'vote') assertTallySupports(to, current.tally);
    await this.append(planId, blockId, reference.type, user, {
      kind: 'status',
      fromStatus: current.status,
      toStatus: to,
      note: input.note,
      method: input.method,
      ...(input.method === 'vote' ? { tally: current.tally } : {}),
      decided: { contentHash, content, versionId: await this.latestVersionId(planId) },
    });
    return this.publish(planId, blockId, contentHash);
  }

  async vote(planId: string, blockId: string, user: User, vote: Vote): Promise<ProposalState> {
    const { role, plan } = await this.options.plans.getForUser(planId, user);
    if (plan.status !== 'active') throw forbidden('This plan is archived');
    if (!can(role, 'proposal.vote')) throw forbidden(`Your role (${role}) does not vote`);
    const reference = await this.requireProposalBlock(planId, blockId);
    const contentHash = blockContentHash(agreedBlockContent(reference.block));
    const current = deriveState(planId, blockId, await this.events(planId, blockId), contentHash);
    if (!isVotingOpen(current.status)) {
      throw new AppError(409, 'votingClosed', `Voting is only open on proposed or discussed blocks (this one is ${current.status})`);
    }
    await this.append(planId, blockId, reference.type, user, { kind: 'vote', vote, note: '' });
    return this.publish(planId, blockId, contentHash);
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
        if (status === null || status === 'draft' || status === 'changedSinceAgreement') continue;
        const note = block.type === 'recommendation' ? block.statusNote.trim() : '';
        const proposer = block.type === 'recommendation' && block.proposedBy !== '' ? memberName(block.proposedBy) : null;
        const isDecision = status === 'agreed' || status === 'rejected';
        const content = agreedBlockContent(block);
        await this.append(planId, block.id, block.type, user, {
          kind: 'status',
          fromStatus: 'draft',
          toStatus: status,
          note,
          imported: { decidedOn: decisionDateInNote(note), decidedBy: isDecision ? null : proposer },
          // The file's agreed text is what stands agreed: a later change to it shows.
          ...(isDecision ? { decided: { contentHash: blockContentHash(content), content, versionId: null } } : {}),
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

  private async append(planId: string, blockId: string, blockType: string, user: User, event: NewEvent): Promise<void> {
    this.agreements.delete(planId);
    await this.options.database.run(
      `INSERT INTO proposal_events (plan_id, block_id, block_type, kind, from_status, to_status, vote, note, actor_id, created_at, imported, decided_on, decided_by,
         method, tally, content_hash, decided_content, version_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        planId, blockId, blockType, event.kind, event.fromStatus ?? null, event.toStatus ?? null, event.vote ?? null, event.note, user.id, Date.now(),
        event.imported === undefined ? 0 : 1, event.imported?.decidedOn ?? null, event.imported?.decidedBy ?? null,
        event.method ?? null, event.tally === undefined ? null : JSON.stringify(event.tally), event.decided?.contentHash ?? null,
        event.decided?.content ?? null, event.decided?.versionId ?? null,
      ],
    );
    this.agreements.delete(planId);
  }

  private async latestVersionId(planId: string): Promise<string | null> {
    const row = await this.options.database.get<{ id: string }>(
      'SELECT id FROM plan_versions WHERE plan_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      [planId],
    );
    return row?.id ?? null;
  }

  private async publish(planId: string, blockId: string, contentHash: string): Promise<ProposalState> {
    const proposal = deriveState(planId, blockId, await this.events(planId, blockId), contentHash);
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

function statesFromRows(planId: string, rows: EventRow[], hashes: ContentHashes): ProposalState[] {
  const byBlock = new Map<string, EventRow[]>();
  for (const row of rows) {
    const list = byBlock.get(row.block_id);
    if (list) list.push(row);
    else byBlock.set(row.block_id, [row]);
  }
  return [...byBlock.entries()].map(([blockId, blockRows]) => deriveState(planId, blockId, blockRows, hashes.get(blockId) ?? null));
}

/** Blocks whose last decision event stands them agreed (the only ones whose content is compared). */
function agreedBlockIds(rows: EventRow[]): Set<string> {
  const last = new Map<string, string | null>();
  for (const row of rows) if (row.kind === 'status') last.set(row.block_id, row.to_status);
  return new Set([...last.entries()].filter(([, status]) => status === 'agreed').map(([blockId]) => blockId));
}

function hashesOf(blocks: readonly TypedBlock[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const block of blocks) {
    if ('id' in block && !hashes.has(block.id)) hashes.set(block.id, blockContentHash(agreedBlockContent(block)));
  }
  return hashes;
}

function isProposalBlock(block: Plan['sections'][number]['blocks'][number]): block is TypedBlock {
  return (PROPOSAL_BLOCK_TYPES as readonly string[]).includes(block.type);
}

function assertTallySupports(to: ProposalStatus, tally: VoteTally): void {
  const cast = tally.for + tally.against + tally.abstain;
  if (cast === 0) {
    throw new AppError(409, 'noVotes', 'No votes were cast in this round: record the decision by consensus, or hold the vote first', { tally });
  }
  const isCarried = tally.for > tally.against;
  if ((to === 'agreed') !== isCarried) {
    throw new AppError(409, 'tallyContradictsDecision', `The tally (${tally.for} for, ${tally.against} against, ${tally.abstain} abstaining) does not support ${to}`, {
      tally,
    });
  }
}

/**
 * The state of one block from its register rows. `contentHash` is the block's
 * content now (null when it could not be read): an agreed block whose
 * agreement recorded another hash is changed since agreement.
 */
function deriveState(planId: string, blockId: string, rows: EventRow[], contentHash: string | null): ProposalState {
  let status: ProposalStatus = 'draft';
  let proposedBy: string | null = null;
  let decisionNote: string | null = null;
  let decisionMethod: DecisionMethod | null = null;
  let decisionTally: VoteTally | null = null;
  let agreement: Agreement | null = null;
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
      if (status === 'agreed' || status === 'rejected') {
        decisionNote = row.note;
        decisionMethod = asMethod(row.method);
        decisionTally = parseTally(row.tally);
      }
      agreement =
        status === 'agreed' && row.content_hash !== null
          ? {
              seq: row.seq,
              decidedAt: row.created_at,
              contentHash: row.content_hash,
              content: row.decided_content ?? '',
              versionId: row.version_id,
              method: decisionMethod,
              tally: decisionTally,
            }
          : null;
    } else {
      const vote = asVote(row.vote);
      if (vote !== null) votes.set(row.actor_id, { name: row.actor_name, vote, at: row.created_at });
    }
  }
  const tally: VoteTally = { for: 0, against: 0, abstain: 0 };
  for (const entry of votes.values()) tally[entry.vote] += 1;
  if (status === 'agreed' && agreement !== null && contentHash !== null && contentHash !== agreement.contentHash) {
    status = 'changedSinceAgreement';
  }
  return {
    planId,
    blockId,
    blockType,
    status,
    proposedBy,
    votes: [...votes.entries()].map(([userId, entry]) => ({ userId, name: entry.name, vote: entry.vote, at: entry.at })),
    tally,
    decisionNote,
    decisionMethod,
    decisionTally,
    agreement,
    updatedAt,
  };
}

function parseTally(value: string | null): VoteTally | null {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Record<Vote, unknown>>;
    const count = (entry: unknown): number => (typeof entry === 'number' && Number.isFinite(entry) ? entry : 0);
    return { for: count(parsed.for), against: count(parsed.against), abstain: count(parsed.abstain) };
  } catch {
    return null;
  }
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
    ...(asMethod(row.method) === null ? {} : { method: asMethod(row.method) ?? 'consensus' }),
    ...(row.tally === null ? {} : { tally: parseTally(row.tally) ?? { for: 0, against: 0, abstain: 0 } }),
    ...(row.content_hash === null ? {} : { contentHash: row.content_hash, versionId: row.version_id }),
    ...(row.imported === 1 ? { imported: { decidedOn: row.decided_on, decidedBy: row.decided_by } } : {}),
  };
}

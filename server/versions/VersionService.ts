import { createHash } from 'node:crypto';
import type { ServiceDatabase } from '../database/ServiceDatabase.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { newId } from '../newId.js';
import type { User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import type { ProposalService } from '../proposals/ProposalService.js';
import type { PlanDocuments } from '../plans/PlanDocuments.js';
import type { PlanEventPublisher } from '../events/PlanEventPublisher.js';
import { can } from '../../shared/workspace/roles.js';
import { comparePlans, type PlanComparison, type PlanSnapshot } from '../../shared/versions/comparePlans.js';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { DecisionRecord, ProposalStatus } from '../../shared/deliberation/ProposalState.js';
import { PROPOSAL_BLOCK_TYPES } from '../../shared/deliberation/ProposalState.js';
import type { Plan } from '../../shared/domain/Plan.js';
import { findIneligibleResponsibles } from './findIneligibleResponsibles.js';
import type { RemarksAnnex } from '../../shared/consultations/RemarksAnnex.js';

/** Everything an export or a comparison needs about one moment of a plan. */
export interface VersionSnapshot extends PlanSnapshot {
  register: DecisionRecord[];
  version: PlanVersion | null;
  /** An agreed version's annexed remarks table, as it was when the version was frozen (absent or null: none). */
  remarksAnnex?: RemarksAnnex | null;
}

interface VersionRow {
  id: string;
  plan_id: string;
  kind: string;
  name: string;
  note: string;
  state: Buffer;
  statuses: string;
  register: string;
  created_by: string;
  created_by_name: string;
  created_at: number;
  agreed_number: number | null;
  decision_date: string | null;
  decision_reference: string | null;
  content_hash: string;
  remarks_annex: string | null;
}

export interface VersionServiceOptions {
  database: ServiceDatabase;
  plans: PlanService;
  proposals: ProposalService;
  documents: PlanDocuments;
  events: PlanEventPublisher;
}

/** The draft is the live document; anything else is a version id. */
export const DRAFT = 'draft';

/**
 * Named versions and the team-agreed version. A version stores the document
 * state, the recorded proposal statuses and the decision register of its
 * moment, so later edits and decisions never change it.
 */
export class VersionService {
  constructor(private readonly options: VersionServiceOptions) {}

  async list(planId: string, user: User): Promise<PlanVersion[]> {
    await this.options.plans.getForUser(planId, user);
    const rows = await this.options.database.all<VersionRow>(
      `SELECT plan_versions.*, users.name AS created_by_name FROM plan_versions
       JOIN users ON users.id = plan_versions.created_by WHERE plan_id = ? ORDER BY created_at DESC`,
      [planId],
    );
    return rows.map(toVersion);
  }

  async create(planId: string, user: User, input: { name: string; note: string }): Promise<PlanVersion> {
    const { role } = await this.options.plans.getForUser(planId, user);
    if (!can(role, 'version.create')) throw forbidden(`Your role (${role}) cannot save versions`);
    const draft = await this.draftSnapshot(planId);
    return this.insert(planId, user, { kind: 'named', ...input, ...draft });
  }

  /** Blocks still open (not agreed or rejected) in the draft; the agreed version needs none. */
  async openProposals(planId: string, user: User): Promise<OpenProposal[]> {
    await this.options.plans.getForUser(planId, user);
    return findOpenProposals(await this.snapshotOf(planId, DRAFT));
  }

  /** `remarksAnnex` is read only once the chair's right to freeze and the plan's state are checked. */
  async freeze(
    planId: string,
    user: User,
    input: { name: string; decisionDate: string; decisionReference: string; remarksAnnex?: () => Promise<RemarksAnnex> },
  ): Promise<PlanVersion> {
    const { role } = await this.options.plans.getForUser(planId, user);
    if (!can(role, 'version.freeze')) throw forbidden('Only the chair freezes the agreed version');
    const draft = await this.draftSnapshot(planId);
    const open = findOpenProposals({ plan: draft.plan, statuses: draft.statuses });
    if (open.length > 0) {
      // A block changed since its agreement is open too: what the version would call agreed is not the agreed text.
      const changed = open.filter((proposal) => proposal.status === 'changedSinceAgreement');
      throw new AppError(409, 'openProposals', `${open.length} proposals are not yet agreed or rejected (${changed.length} changed since agreement)`, {
        open,
        changed,
      });
    }
    // The responsible person is an attribute any editor's client writes into the document, and roles change
    // afterwards: the version that goes out as agreed is where the server holds the rule.
    const ineligible = findIneligibleResponsibles(draft.plan, await this.options.plans.editorIds(planId));
    if (ineligible.length > 0) {
      const titles = ineligible.map((section) => `'${section.sectionTitle}'`).join(', ');
      throw new AppError(409, 'ineligibleResponsible', `The responsible person of ${ineligible.length} section(s) may not edit the plan: ${titles}; choose a member who may edit`, {
        sections: ineligible,
      });
    }
    const remarksAnnex = input.remarksAnnex === undefined ? null : await input.remarksAnnex();
    const previous = await this.options.database.get<{ number: number | null }>(
      'SELECT MAX(agreed_number) AS number FROM plan_versions WHERE plan_id = ?',
      [planId],
    );
    return this.insert(planId, user, {
      kind: 'agreed',
      name: input.name,
      note: '',
      ...draft,
      agreed: { number: (previous?.number ?? 0) + 1, decisionDate: input.decisionDate, decisionReference: input.decisionReference },
      remarksAnnex,
    });
  }

  /** The snapshot of the draft or of a version, for exports and read-only viewing. */
  async snapshot(planId: string, user: User, versionId: string): Promise<VersionSnapshot> {
    await this.options.plans.getForUser(planId, user);
    return this.snapshotOf(planId, versionId);
  }

  async compare(planId: string, user: User, from: string, to: string): Promise<PlanComparison> {
    await this.options.plans.getForUser(planId, user);
    const [before, after] = await Promise.all([this.snapshotOf(planId, from), this.snapshotOf(planId, to)]);
    return comparePlans(before, after);
  }

  /** Writes the version's content over the draft as one new edit that every client receives. */
  async restore(planId: string, user: User, versionId: string): Promise<void> {
    const { role, plan } = await this.options.plans.getForUser(planId, user);
    // A suggest-only member may not overwrite the text either.
    const mayEdit = can(role, 'plan.edit') && (await this.options.plans.contentAccessOf(planId, user)) === 'edit';
    if (!mayEdit || plan.status !== 'active') throw forbidden('Your role cannot change this plan');
    const row = await this.versionRow(planId, versionId);
    await this.options.documents.restore(planId, asUint8Array(row.state), `restore version ${versionId} by ${user.id}`);
    // Everyone's text just changed under them: say who did it and to what.
    this.options.events.publish(planId, { type: 'versionRestored', version: toVersion(row), restoredBy: { id: user.id, name: user.name } });
  }

  async snapshotOf(planId: string, versionId: string): Promise<VersionSnapshot> {
    if (versionId === DRAFT) return { ...(await this.draftSnapshot(planId)), version: null, remarksAnnex: null };
    const row = await this.versionRow(planId, versionId);
    return {
      plan: await this.options.documents.planOfState(asUint8Array(row.state)),
      statuses: JSON.parse(row.statuses) as Record<string, ProposalStatus>,
      register: JSON.parse(row.register) as DecisionRecord[],
      version: toVersion(row),
      remarksAnnex: remarksAnnexOf(row),
    };
  }

  private async draftSnapshot(planId: string): Promise<{ state: Uint8Array; plan: Plan; statuses: Record<string, ProposalStatus>; register: DecisionRecord[] }> {
    const { state, plan } = await this.options.documents.readState(planId);
    // Compared with this very plan, so the statuses and the content a version keeps are of one moment.
    const states = await this.options.proposals.statesOfPlan(planId, plan);
    return {
      state,
      plan,
      statuses: Object.fromEntries(states.map((proposal) => [proposal.blockId, proposal.status])),
      register: await this.options.proposals.registerOf(planId),
    };
  }

  private async insert(
    planId: string,
    user: User,
    input: {
      kind: 'named' | 'agreed';
      name: string;
      note: string;
      state: Uint8Array;
      plan: Plan;
      statuses: Record<string, ProposalStatus>;
      register: DecisionRecord[];
      agreed?: { number: number; decisionDate: string; decisionReference: string };
      remarksAnnex?: RemarksAnnex | null;
    },
  ): Promise<PlanVersion> {
    const id = newId();
    const remarksAnnex = input.remarksAnnex ?? null;
    // The annex is part of what was agreed; versions without one keep the hash they always had.
    const hashed = { plan: input.plan, statuses: input.statuses, register: input.register, ...(remarksAnnex === null ? {} : { remarksAnnex }) };
    const contentHash = createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
    await this.options.database.run(
      `INSERT INTO plan_versions (id, plan_id, kind, name, note, state, statuses, register, created_by, created_at,
         agreed_number, decision_date, decision_reference, content_hash, remarks_annex)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, planId, input.kind, input.name, input.note, Buffer.from(input.state), JSON.stringify(input.statuses),
        JSON.stringify(input.register), user.id, Date.now(), input.agreed?.number ?? null,
        input.agreed?.decisionDate ?? null, input.agreed?.decisionReference ?? null, contentHash,
        remarksAnnex === null ? null : JSON.stringify(remarksAnnex),
      ],
    );
    const version = toVersion(await this.versionRow(planId, id));
    this.options.events.publish(planId, { type: 'versionSaved', version });
    return version;
  }

  private async versionRow(planId: string, versionId: string): Promise<VersionRow> {
    const row = await this.options.database.get<VersionRow>(
      `SELECT plan_versions.*, users.name AS created_by_name FROM plan_versions
       JOIN users ON users.id = plan_versions.created_by WHERE plan_versions.id = ? AND plan_id = ?`,
      [versionId, planId],
    );
    if (!row) throw notFound('Version not found');
    return row;
  }
}

function asUint8Array(state: Buffer): Uint8Array {
  return new Uint8Array(state.buffer, state.byteOffset, state.byteLength);
}

function findOpenProposals(snapshot: PlanSnapshot): OpenProposal[] {
  const open: OpenProposal[] = [];
  for (const section of snapshot.plan.sections) {
    for (const block of section.blocks) {
      if (!(PROPOSAL_BLOCK_TYPES as readonly string[]).includes(block.type) || !('id' in block)) continue;
      const status = snapshot.statuses[block.id] ?? 'draft';
      if (status !== 'agreed' && status !== 'rejected') {
        open.push({ blockId: block.id, blockType: block.type, title: 'title' in block ? String(block.title) : '', status });
      }
    }
  }
  return open;
}

function toVersion(row: VersionRow): PlanVersion {
  return {
    id: row.id,
    planId: row.plan_id,
    kind: row.kind === 'agreed' ? 'agreed' : 'named',
    name: row.name,
    note: row.note,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    agreed:
      row.agreed_number !== null
        ? { number: row.agreed_number, decisionDate: row.decision_date ?? '', decisionReference: row.decision_reference ?? '' }
        : null,
    contentHash: row.content_hash,
    remarksAnnex: annexSummary(remarksAnnexOf(row)),
  };
}

function remarksAnnexOf(row: VersionRow): RemarksAnnex | null {
  return row.remarks_annex === null ? null : (JSON.parse(row.remarks_annex) as RemarksAnnex);
}

function annexSummary(annex: RemarksAnnex | null): PlanVersion['remarksAnnex'] {
  return annex === null ? null : { consultationId: annex.consultationId, consultationNumber: annex.consultationNumber, remarkCount: annex.remarks.length };
}

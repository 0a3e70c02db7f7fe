import { randomBytes } from 'node:crypto';
import type { ServiceDatabase } from '../database/ServiceDatabase.js';
import { AppError, badRequest, forbidden, notFound } from '../errors.js';
import { newId } from '../newId.js';
import type { User } from '../accounts/AccountService.js';
import type { PlanService } from '../plans/PlanService.js';
import type { VersionService } from '../versions/VersionService.js';
import type { CommentService, ThreadAnchorInput } from '../comments/CommentService.js';
import type { PlanEventPublisher } from '../events/PlanEventPublisher.js';
import { can } from '../../shared/workspace/roles.js';
import {
  REMARK_LIMITS,
  type Consultation,
  type ConsultationRemark,
  type PublicConsultation,
  type PublicPlanView,
  type RemarkResponse,
} from '../../shared/consultations/Consultation.js';
import { consultationStatus, polishDate } from '../../shared/consultations/consultationStatus.js';
import { publicPlanView } from './publicPlanView.js';
import type { SlidingWindowLimit } from '../limits/SlidingWindowLimit.js';
import { remarkBody, type RemarkInput } from './remarkInput.js';
import { remarksTableDocument } from './remarksTableDocument.js';
import type { RemarksAnnex } from '../../shared/consultations/RemarksAnnex.js';
import { remarksTableRenderers, type RemarksTableFormat } from './remarksTableRenderers.js';
import type { RenderedExport } from '../export/ExportFormat.js';
import type { PlanDocuments } from '../plans/PlanDocuments.js';
import { colorForUser } from '../../shared/presence/colorForUser.js';
import { suggestRemarkWording, type SuggestionPlacement } from './suggestRemarkWording.js';

export interface ConsultationServiceOptions {
  database: ServiceDatabase;
  plans: PlanService;
  versions: VersionService;
  comments: CommentService;
  events: PlanEventPublisher;
  /** Remarks per client address. */
  throttle: SlidingWindowLimit;
  /** The working copy, where an accepted remark's wording becomes a suggestion. */
  documents: PlanDocuments;
  now?: () => number;
}

interface ConsultationRow {
  id: string;
  plan_id: string;
  number: number;
  version_id: string;
  public_token: string;
  starts_on: string;
  ends_on: string;
  closed_at: number | null;
  created_at: number;
  version_name: string;
  agreed_number: number | null;
  remark_count: number;
  responded_count: number;
}

interface RemarkRow {
  id: string;
  consultation_id: string;
  number: number;
  consultation_number: number;
  submitter_name: string;
  contact: string;
  section_key: string;
  section_title: string;
  block_id: string | null;
  block_label: string;
  quote: string;
  remark: string;
  proposed_wording: string;
  justification: string;
  submitted_at: number;
  response: string | null;
  response_justification: string;
  responded_by: string | null;
  responded_by_name: string | null;
  responded_at: number | null;
  thread_id: string | null;
  suggestion_id: string | null;
}

const CONSULTATION_SELECT = `
  SELECT consultations.*, plan_versions.name AS version_name, plan_versions.agreed_number,
    (SELECT COUNT(*) FROM consultation_remarks WHERE consultation_id = consultations.id) AS remark_count,
    (SELECT COUNT(*) FROM consultation_remarks WHERE consultation_id = consultations.id AND response IS NOT NULL) AS responded_count
  FROM consultations JOIN plan_versions ON plan_versions.id = consultations.version_id`;

const REMARK_SELECT = `
  SELECT consultation_remarks.*, consultations.number AS consultation_number, users.name AS responded_by_name
  FROM consultation_remarks
  JOIN consultations ON consultations.id = consultation_remarks.consultation_id
  LEFT JOIN users ON users.id = consultation_remarks.responded_by`;

/**
 * Public consultations of an agreed version. The public side knows a
 * consultation only by its unguessable token and sees only the frozen
 * version's text; the team side is checked against the plan's roles.
 */
export class ConsultationService {
  private readonly now: () => number;
  /** A frozen version never changes, so its public view is built once per consultation. */
  private readonly publicViews = new Map<string, PublicPlanView>();

  constructor(private readonly options: ConsultationServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  async list(planId: string, user: User): Promise<Consultation[]> {
    await this.options.plans.getForUser(planId, user);
    const rows = await this.options.database.all<ConsultationRow>(`${CONSULTATION_SELECT} WHERE consultations.plan_id = ? ORDER BY consultations.number DESC`, [planId]);
    return rows.map((row) => this.toConsultation(row));
  }

  async open(planId: string, user: User, input: { versionId: string; startsOn: string; endsOn: string }): Promise<Consultation> {
    const { role, plan } = await this.options.plans.getForUser(planId, user);
    if (!can(role, 'version.freeze')) throw forbidden('Only the chair opens a consultation');
    if (plan.status !== 'active') throw forbidden('This plan is archived');
    const version = (await this.options.versions.snapshotOf(planId, input.versionId)).version;
    if (version?.kind !== 'agreed') throw badRequest('notAgreedVersion', 'A consultation is held on an agreed version');
    if (input.endsOn < polishDate(this.now())) throw badRequest('endsInPast', 'endsOn: the consultation would already be over');
    const active = (await this.list(planId, user)).find((consultation) => consultation.status === 'scheduled' || consultation.status === 'open');
    if (active) throw new AppError(409, 'consultationActive', `Consultation ${active.number} is still ${active.status}`, { consultationId: active.id });
    const id = newId();
    // The number is taken in the same statement that inserts, in a transaction of its own: on
    // PostgreSQL two chairs at once conflict, and the later one is retried with the next number.
    await this.options.database.transaction((transaction) => transaction.run(
      `INSERT INTO consultations (id, plan_id, number, version_id, public_token, starts_on, ends_on, created_by, created_at)
       SELECT ?, ?, COALESCE(MAX(number), 0) + 1, ?, ?, ?, ?, ?, ? FROM consultations WHERE plan_id = ?`,
      [id, planId, input.versionId, randomBytes(24).toString('base64url'), input.startsOn, input.endsOn, user.id, this.now(), planId],
    ));
    return this.publishConsultation(id);
  }

  /** The chair ends the consultation before its last day. */
  async close(consultationId: string, user: User): Promise<Consultation> {
    const consultation = await this.consultationFor(consultationId, user, 'version.freeze', 'Only the chair closes a consultation');
    if (consultation.closedAt === null) {
      await this.options.database.run('UPDATE consultations SET closed_at = ? WHERE id = ?', [this.now(), consultationId]);
    }
    return this.publishConsultation(consultationId);
  }

  async remarks(consultationId: string, user: User): Promise<ConsultationRemark[]> {
    await this.consultationFor(consultationId, user, 'plan.read');
    const rows = await this.options.database.all<RemarkRow>(`${REMARK_SELECT} WHERE consultation_remarks.consultation_id = ? ORDER BY consultation_remarks.number`, [consultationId]);
    return rows.map(toRemark);
  }

  async respond(consultationId: string, remarkId: string, user: User, input: { response: RemarkResponse; justification: string }): Promise<ConsultationRemark> {
    await this.consultationFor(consultationId, user, 'proposal.decide', 'Your role does not decide on remarks');
    const updated = await this.options.database.all(
      `UPDATE consultation_remarks SET response = ?, response_justification = ?, responded_by = ?, responded_at = ?
       WHERE id = ? AND consultation_id = ? RETURNING id`,
      [input.response, input.justification, user.id, this.now(), remarkId, consultationId],
    );
    if (updated.length === 0) throw notFound('Remark not found');
    const remark = await this.publishRemark(remarkId);
    await this.publishConsultation(consultationId);
    return remark;
  }

  /**
   * The team's comment thread on the remark, started by the first comment: on the block it concerns
   * while that block is in the working copy, otherwise on its section, so every remark can be
   * discussed, also one on a whole section or on a block removed since the consulted version. Once
   * the remark has a thread (also one someone started a moment ago), a comment joins it as a reply.
   */
  async startThread(consultationId: string, remarkId: string, user: User, body: string): Promise<ConsultationRemark> {
    const consultation = await this.consultationFor(consultationId, user, 'plan.comment', 'Your role does not allow comments');
    const remark = await this.remarkRow(consultationId, remarkId);
    if (remark.thread_id === null) {
      const thread = await this.options.comments.createClaimedThread(
        consultation.planId,
        user,
        { anchor: await this.threadAnchorOf(consultation.planId, remark), body, mentions: [] },
        async (queries, threadId) =>
          (await queries.all('UPDATE consultation_remarks SET thread_id = ? WHERE id = ? AND thread_id IS NULL RETURNING id', [threadId, remarkId])).length > 0,
      );
      if (thread !== null) return this.publishRemark(remarkId);
    }
    const linked = await this.remarkRow(consultationId, remarkId);
    if (linked.thread_id === null) throw notFound('Thread not found');
    await this.options.comments.reply(linked.thread_id, user, { body, mentions: [] });
    return toRemark(linked);
  }

  private async threadAnchorOf(planId: string, remark: RemarkRow): Promise<ThreadAnchorInput> {
    const quote = `Uwaga ${referenceOf(remark.consultation_number, remark.number)}: ${remark.remark}`.slice(0, 500);
    const blockInText = remark.block_id !== null && (await this.options.documents.findBlock(planId, remark.block_id)) !== null ? remark.block_id : null;
    return blockInText !== null
      ? { kind: 'block', blockId: blockInText, quote }
      : { kind: 'section', sectionKey: remark.section_key, sectionTitle: remark.section_title, quote };
  }

  /**
   * An accepted (or partly accepted) remark's proposed wording, written into the
   * working copy as a suggestion of the person who decides, once per remark.
   */
  async suggest(consultationId: string, remarkId: string, user: User): Promise<{ remark: ConsultationRemark; placement: SuggestionPlacement | 'already' }> {
    const consultation = await this.consultationFor(consultationId, user, 'proposal.decide', 'Your role does not decide on remarks');
    const { plan } = await this.options.plans.getForUser(consultation.planId, user);
    if (plan.status !== 'active') throw forbidden('This plan is archived');
    const row = await this.remarkRow(consultationId, remarkId);
    if (row.suggestion_id !== null) return { remark: toRemark(row), placement: 'already' };
    if (row.response !== 'accepted' && row.response !== 'partlyAccepted') throw new AppError(409, 'remarkNotAccepted', 'Only an accepted remark becomes a suggestion');
    if (row.block_id === null || row.proposed_wording === '') throw new AppError(409, 'nothingToSuggest', 'The remark names no block or proposes no wording');
    const suggestionId = newId();
    const attributes = { suggestionId, authorId: user.id, authorName: user.name, authorColor: colorForUser(user.id), createdAt: new Date(this.now()).toISOString() };
    const blockId = row.block_id;
    const placement = await this.options.documents.edit(consultation.planId, `remark ${remarkId} as a suggestion by ${user.id}`, (document) =>
      suggestRemarkWording(document, { blockId, quote: row.quote, wording: row.proposed_wording, attributes }),
    );
    if (placement === null) throw new AppError(409, 'blockGone', 'The block this remark concerns is no longer in the working copy');
    await this.options.database.run('UPDATE consultation_remarks SET suggestion_id = ? WHERE id = ?', [suggestionId, remarkId]);
    return { remark: await this.publishRemark(remarkId), placement };
  }

  async remarksTable(consultationId: string, user: User, format: RemarksTableFormat): Promise<RenderedExport & { title: string }> {
    const consultation = await this.consultationFor(consultationId, user, 'plan.read');
    const snapshot = await this.options.versions.snapshotOf(consultation.planId, consultation.versionId);
    const remarks = await this.remarks(consultationId, user);
    const view = this.publicViewOf(consultation.id, snapshot);
    const generatedAt = new Date(this.now());
    const document = remarksTableDocument({ planTitle: view.title, territory: view.territory, consultation, remarks, generatedAt });
    return { ...(await remarksTableRenderers[format](document, generatedAt)), title: view.title };
  }

  /**
   * The remarks table of a closed consultation of this plan, every remark answered, as the next agreed
   * version annexes it (a copy: later changes to a response do not reach a version already frozen).
   */
  async remarksAnnexOf(planId: string, consultationId: string, user: User): Promise<RemarksAnnex> {
    const consultation = await this.consultationFor(consultationId, user, 'plan.read');
    if (consultation.planId !== planId) throw notFound('Consultation not found');
    if (consultation.status === 'scheduled' || consultation.status === 'open') {
      throw new AppError(409, 'consultationNotClosed', `Consultation ${consultation.number} is still ${consultation.status}: its remarks table is annexed once it is closed`);
    }
    const remarks = await this.remarks(consultationId, user);
    const unanswered = remarks.filter((remark) => remark.response === null);
    if (unanswered.length > 0) {
      throw new AppError(409, 'remarksNotAnswered', `${unanswered.length} remark(s) have no response yet: ${unanswered.map((remark) => remark.reference).join(', ')}`, {
        references: unanswered.map((remark) => remark.reference),
      });
    }
    return {
      consultationId,
      consultationNumber: consultation.number,
      startsOn: consultation.startsOn,
      endsOn: consultation.endsOn,
      consultedVersionName: consultation.versionName,
      consultedAgreedNumber: consultation.agreedNumber,
      remarks: remarks.map(({ number, reference, submitterName, target, quote, remark, proposedWording, justification, response, responseJustification }) => ({
        number, reference, submitterName, target, quote, remark, proposedWording, justification, response, responseJustification,
      })),
    };
  }

  /** What the public page shows: the frozen version while open, otherwise only that it is not open. */
  async publicConsultation(token: string): Promise<PublicConsultation> {
    const consultation = await this.byToken(token);
    const view = await this.viewOf(consultation);
    return {
      status: consultation.status,
      startsOn: consultation.startsOn,
      endsOn: consultation.endsOn,
      planTitle: view.title,
      plan: consultation.status === 'open' ? view : null,
      limits: REMARK_LIMITS,
    };
  }

  /**
   * A remark from anyone holding the link. The address is counted before
   * anything else (parsing, lookups), so bursts are refused however they overlap.
   */
  async submit(token: string, address: string, body: unknown): Promise<{ reference: string; submittedAt: number }> {
    const retryAfterMs = this.options.throttle.admit(address);
    if (retryAfterMs > 0) {
      throw new AppError(429, 'tooManyRemarks', 'Too many remarks from this address; try again later', { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
    }
    const input = remarkBody.parse(body);
    const consultation = await this.byToken(token);
    if (consultation.status !== 'open') {
      throw new AppError(409, 'consultationNotOpen', consultation.status === 'scheduled' ? 'The consultation has not opened yet' : 'The consultation is closed', {
        status: consultation.status,
      });
    }
    const target = resolveTarget(await this.viewOf(consultation), input);
    const id = newId();
    const submittedAt = this.now();
    // Numbered like a consultation: one transaction, retried on PostgreSQL when remarks arrive at once.
    await this.options.database.transaction((transaction) => transaction.run(
      `INSERT INTO consultation_remarks (id, consultation_id, number, submitter_name, contact, section_key, section_title, block_id, block_label,
         quote, remark, proposed_wording, justification, submitted_at)
       SELECT ?, ?, COALESCE(MAX(number), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM consultation_remarks WHERE consultation_id = ?`,
      [
        id, consultation.id, input.submitterName, input.contact, target.sectionKey, target.sectionTitle, target.blockId, target.blockLabel,
        input.quote, input.remark, input.proposedWording, input.justification, submittedAt, consultation.id,
      ],
    ));
    const remark = await this.publishRemark(id);
    await this.publishConsultation(consultation.id);
    return { reference: remark.reference, submittedAt };
  }

  private async viewOf(consultation: Consultation): Promise<PublicPlanView> {
    const cached = this.publicViews.get(consultation.id);
    if (cached) return cached;
    return this.publicViewOf(consultation.id, await this.options.versions.snapshotOf(consultation.planId, consultation.versionId));
  }

  private publicViewOf(consultationId: string, snapshot: Parameters<typeof publicPlanView>[0]): PublicPlanView {
    const view = this.publicViews.get(consultationId) ?? publicPlanView(snapshot);
    this.publicViews.set(consultationId, view);
    return view;
  }

  private async byToken(token: string): Promise<Consultation> {
    const row = await this.options.database.get<ConsultationRow>(`${CONSULTATION_SELECT} WHERE consultations.public_token = ?`, [token]);
    if (!row) throw notFound('No consultation at this address');
    return this.toConsultation(row);
  }

  private async consultationFor(
    consultationId: string,
    user: User,
    permission: Parameters<typeof can>[1],
    refusal = 'Not allowed',
  ): Promise<Consultation> {
    const row = await this.options.database.get<ConsultationRow>(`${CONSULTATION_SELECT} WHERE consultations.id = ?`, [consultationId]);
    if (!row) throw notFound('Consultation not found');
    // Someone outside the plan's team learns nothing, not even that it exists.
    const { role } = await this.options.plans.getForUser(row.plan_id, user).catch(() => {
      throw notFound('Consultation not found');
    });
    if (!can(role, permission)) throw forbidden(refusal);
    return this.toConsultation(row);
  }

  private async remarkRow(consultationId: string, remarkId: string): Promise<RemarkRow> {
    const row = await this.options.database.get<RemarkRow>(`${REMARK_SELECT} WHERE consultation_remarks.id = ? AND consultation_remarks.consultation_id = ?`, [remarkId, consultationId]);
    if (!row) throw notFound('Remark not found');
    return row;
  }

  private async publishRemark(remarkId: string): Promise<ConsultationRemark> {
    const row = await this.options.database.get<RemarkRow>(`${REMARK_SELECT} WHERE consultation_remarks.id = ?`, [remarkId]);
    if (!row) throw notFound('Remark not found');
    const remark = toRemark(row);
    const planId = await this.options.database.get<{ plan_id: string }>('SELECT plan_id FROM consultations WHERE id = ?', [row.consultation_id]);
    if (planId) this.options.events.publish(planId.plan_id, { type: 'remarkChanged', remark });
    return remark;
  }

  private async publishConsultation(consultationId: string): Promise<Consultation> {
    const row = await this.options.database.get<ConsultationRow>(`${CONSULTATION_SELECT} WHERE consultations.id = ?`, [consultationId]);
    if (!row) throw notFound('Consultation not found');
    const consultation = this.toConsultation(row);
    this.options.events.publish(consultation.planId, { type: 'consultationChanged', consultation });
    return consultation;
  }

  private toConsultation(row: ConsultationRow): Consultation {
    const timing = { startsOn: row.starts_on, endsOn: row.ends_on, closedAt: row.closed_at, remarkCount: row.remark_count, respondedCount: row.responded_count };
    return {
      id: row.id,
      planId: row.plan_id,
      number: row.number,
      versionId: row.version_id,
      versionName: row.version_name,
      agreedNumber: row.agreed_number,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      closedAt: row.closed_at,
      status: consultationStatus(timing, this.now()),
      publicToken: row.public_token,
      remarkCount: row.remark_count,
      respondedCount: row.responded_count,
      createdAt: row.created_at,
    };
  }
}

/** The section (and block) must be part of the frozen version the page showed. */
function resolveTarget(view: PublicPlanView, input: RemarkInput): ConsultationRemark['target'] {
  const section = view.sections.find((candidate) => candidate.key === input.sectionKey);
  if (!section) throw badRequest('unknownSection', 'sectionKey: no such section in the consulted version');
  if (input.blockId === null) return { sectionKey: section.key, sectionTitle: `${section.number} ${section.title}`, blockId: null, blockLabel: '' };
  const part = section.parts.find((candidate) => candidate.blockId === input.blockId);
  if (!part) throw badRequest('unknownBlock', 'blockId: no such block in this section of the consulted version');
  return { sectionKey: section.key, sectionTitle: `${section.number} ${section.title}`, blockId: input.blockId, blockLabel: part.label };
}

function referenceOf(consultationNumber: number, remarkNumber: number): string {
  return `K${consultationNumber}-${String(remarkNumber).padStart(3, '0')}`;
}

function toRemark(row: RemarkRow): ConsultationRemark {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    number: row.number,
    reference: referenceOf(row.consultation_number, row.number),
    submitterName: row.submitter_name,
    contact: row.contact,
    target: { sectionKey: row.section_key, sectionTitle: row.section_title, blockId: row.block_id, blockLabel: row.block_label },
    quote: row.quote,
    remark: row.remark,
    proposedWording: row.proposed_wording,
    justification: row.justification,
    submittedAt: row.submitted_at,
    response: (row.response as RemarkResponse | null) ?? null,
    responseJustification: row.response_justification,
    respondedBy: row.responded_by,
    respondedByName: row.responded_by_name,
    respondedAt: row.responded_at,
    threadId: row.thread_id,
    suggestionId: row.suggestion_id,
  };
}

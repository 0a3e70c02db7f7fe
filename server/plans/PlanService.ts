import type { ServiceDatabase } from '../database/ServiceDatabase.js';
import { notFound } from '../errors.js';
import { newId } from '../newId.js';
import type { User } from '../accounts/AccountService.js';
import type { WorkspaceService } from '../workspace/WorkspaceService.js';
import type { Role } from '../../shared/workspace/roles.js';
import type { Plan } from '../../shared/domain/Plan.js';
import type { PlanKind } from '../../shared/domain/taxonomy.js';
import type { PlanInput } from '../../shared/plans/PlanInput.js';
import type { PlanPatch } from '../../shared/plans/PlanPatch.js';
import type { PlanRecord, PlanStatus } from '../../shared/plans/PlanRecord.js';
import { formatImportError } from '../../shared/planJson/ImportError.js';
import { AppError } from '../errors.js';
import type { PlanDocuments } from './PlanDocuments.js';
import { loadPlanDocumentCode } from './loadPlanDocumentCode.js';
import { contentAccessFor, type ContentAccess } from '../../shared/workspace/contentAccess.js';

interface PlanRow {
  id: string;
  workspace_id: string;
  title: string;
  kind: PlanKind;
  period_from: string | null;
  period_to: string | null;
  status: PlanStatus;
  created_at: number;
  updated_at: number;
}

const toPlan = (row: PlanRow): PlanRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  title: row.title,
  kind: row.kind,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Plan records (title, kind, period, status); the content lives in the plan's Y.Doc. */
export class PlanService {
  constructor(
    private readonly database: ServiceDatabase,
    private readonly workspaces: WorkspaceService,
    private readonly documents: PlanDocuments,
  ) {}

  async list(workspaceId: string, user: User): Promise<PlanRecord[]> {
    await this.workspaces.requireRole(workspaceId, user);
    const rows = await this.database.all<PlanRow>(
      'SELECT * FROM plans WHERE workspace_id = ? ORDER BY status, updated_at DESC',
      [workspaceId],
    );
    return rows.map(toPlan);
  }

  /** Creates the record and fills the document from the kind's template. */
  async create(workspaceId: string, user: User, input: PlanInput): Promise<PlanRecord> {
    await this.workspaces.requireRole(workspaceId, user, 'plan.manage');
    // Loaded before the record is inserted: a failed load then leaves no plan without content.
    const { planContentForRecord } = await loadPlanDocumentCode();
    const plan = await this.insert(workspaceId, user, input);
    await this.writeOrRollBack(plan, planContentForRecord(plan));
    return plan;
  }

  /** Validates a plan file completely before creating anything; errors name the path. */
  async importFile(workspaceId: string, user: User, file: unknown): Promise<PlanRecord> {
    await this.workspaces.requireRole(workspaceId, user, 'plan.manage');
    const { importPlan } = await loadPlanDocumentCode();
    const result = importPlan(file);
    if (!result.ok) {
      const shown = result.errors.slice(0, 5).map(formatImportError).join('; ');
      const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : '';
      throw new AppError(400, 'invalidPlan', `${shown}${more}`, { errors: result.errors });
    }
    const record = await this.insert(workspaceId, user, {
      title: result.plan.title,
      kind: result.plan.kind,
      periodFrom: String(result.plan.period.from),
      periodTo: String(result.plan.period.to),
    });
    await this.writeOrRollBack(record, result.plan);
    return record;
  }

  private async writeOrRollBack(record: PlanRecord, plan: Plan): Promise<void> {
    try {
      await this.documents.write(record.id, plan, 'plan created');
    } catch (error) {
      await this.database.run('DELETE FROM plans WHERE id = ?', [record.id]);
      throw error;
    }
  }

  private async insert(workspaceId: string, user: User, input: PlanInput): Promise<PlanRecord> {
    const now = Date.now();
    const plan: PlanRecord = {
      id: newId(12),
      workspaceId,
      title: input.title.trim(),
      kind: input.kind,
      periodFrom: input.periodFrom ?? null,
      periodTo: input.periodTo ?? null,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    await this.database.run(
      `INSERT INTO plans (id, workspace_id, title, kind, period_from, period_to, status, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [plan.id, workspaceId, plan.title, plan.kind, plan.periodFrom, plan.periodTo, plan.status, user.id, now, now],
    );
    return plan;
  }

  /** The plan and the user's role in its workspace; 404 for non-members. */
  async getForUser(planId: string, user: User): Promise<{ plan: PlanRecord; role: Role }> {
    const plan = await this.find(planId);
    if (!plan) throw notFound('Plan not found');
    const role = await this.workspaces.roleOf(plan.workspaceId, user.id);
    if (role === null) throw notFound('Plan not found');
    return { plan, role };
  }

  /** The members of the plan's team who may edit its text (the one rule of contentAccessFor): who may be responsible for a section. */
  async editorIds(planId: string): Promise<Set<string>> {
    const plan = await this.find(planId);
    if (!plan) throw notFound('Plan not found');
    const workspace = await this.workspaces.get(plan.workspaceId);
    const settings = { advisorsSuggestOnly: workspace?.advisorsSuggestOnly ?? false };
    const members = await this.workspaces.members(plan.workspaceId);
    return new Set(members.filter((member) => contentAccessFor(member.role, settings) === 'edit').map((member) => member.userId));
  }

  /** What the user may do to the plan's text (shared/workspace/contentAccess.ts): the one rule behind WebSocket writes and restores. */
  async contentAccessOf(planId: string, user: User): Promise<ContentAccess> {
    const { plan, role } = await this.getForUser(planId, user);
    const workspace = await this.workspaces.get(plan.workspaceId);
    return contentAccessFor(role, { advisorsSuggestOnly: workspace?.advisorsSuggestOnly ?? false });
  }

  async update(
    planId: string,
    user: User,
    changes: PlanPatch,
  ): Promise<PlanRecord> {
    const { plan } = await this.getForUser(planId, user);
    await this.workspaces.requireRole(plan.workspaceId, user, 'plan.manage');
    const next: PlanRecord = {
      ...plan,
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      updatedAt: Date.now(),
    };
    next.title = next.title.trim();
    await this.database.run(
      'UPDATE plans SET title = ?, period_from = ?, period_to = ?, status = ?, updated_at = ? WHERE id = ?',
      [next.title, next.periodFrom, next.periodTo, next.status, next.updatedAt, planId],
    );
    return next;
  }

  async find(planId: string): Promise<PlanRecord | null> {
    const row = await this.database.get<PlanRow>('SELECT * FROM plans WHERE id = ?', [planId]);
    return row ? toPlan(row) : null;
  }
}

import type { SqliteDatabase } from '../persistence/sqlite.js';
import { notFound } from '../errors.js';
import { newId } from '../newId.js';
import type { User } from '../accounts/AccountService.js';
import type { WorkspaceService } from '../workspace/WorkspaceService.js';
import type { Role } from '../../shared/workspace/roles.js';

export const PLAN_KINDS = ['regional', 'local', 'cusProgram'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_STATUSES = ['active', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanRecord {
  id: string;
  workspaceId: string;
  title: string;
  kind: PlanKind;
  periodFrom: string | null;
  periodTo: string | null;
  status: PlanStatus;
  createdAt: number;
  updatedAt: number;
}

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

export interface PlanInput {
  title: string;
  kind: PlanKind;
  periodFrom?: string | null;
  periodTo?: string | null;
}

/** Plan records (title, kind, period, status); the content lives in the plan's Y.Doc. */
export class PlanService {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly workspaces: WorkspaceService,
  ) {}

  async list(workspaceId: string, user: User): Promise<PlanRecord[]> {
    await this.workspaces.requireRole(workspaceId, user);
    const rows = await this.database.all<PlanRow>(
      'SELECT * FROM plans WHERE workspace_id = ? ORDER BY status, updated_at DESC',
      [workspaceId],
    );
    return rows.map(toPlan);
  }

  async create(workspaceId: string, user: User, input: PlanInput): Promise<PlanRecord> {
    await this.workspaces.requireRole(workspaceId, user, 'plan.manage');
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

  async update(
    planId: string,
    user: User,
    changes: Partial<Pick<PlanRecord, 'title' | 'periodFrom' | 'periodTo' | 'status'>>,
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

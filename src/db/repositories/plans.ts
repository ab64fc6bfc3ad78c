// Plans (kế hoạch), their tasks and task instances — basic CRUD with scope, optimistic concurrency and audit.
// A plan is edited by its issuing agency and seen, read-only, by every agency it names; an occurrence belongs to the
// task's lead agency and is seen by its coordinators (task-scope.ts), who record their own part (task-contributions.ts).
import { and, asc, count, desc, eq, ilike, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { DueFilter } from "../../domain/inbox/index.ts";
import { occurrenceOwner, planTaskExecutors, recordsContributionOf } from "../../domain/plans/executors.ts";
import { formatViDateTime } from "../../domain/shared/dates.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { effectiveStatus } from "../../domain/tasks/index.ts";
import { appendAudit, auditActor, auditDiff } from "../audit.ts";
import { plans, planTasks, taskInstanceCoordinators, taskInstances } from "../schema/index.ts";
import { requirePermission, requireWritableAgencies } from "../scope.ts";
import { likePattern, searchText } from "../search.ts";
import type { AppDb } from "../types.ts";
import { agencyFacts } from "./agency-lookup.ts";
import { normalizePage, notFound, type Page, type PageResult, staleVersion, todayVn, toSnake } from "./common.ts";
import { dueCondition } from "./due-filter.ts";
import {
  effectiveStatusCondition,
  planOwnerCondition,
  planVisibleCondition,
  taskVisibleCondition,
} from "./task-scope.ts";
import { taskStatusPatch } from "./tasks-workflow.ts";

export type PlanTaskInput = {
  ref?: string | null;
  content: string;
  lead_agency_id?: string | null;
  lead_role?: string | null;
  coordinator_agency_ids?: string[];
  coordinator_roles?: string[];
  timing?: string | null;
  schedule?: unknown;
  expected_output?: string | null;
  basis?: string | null;
};

export type PlanInput = {
  agency_id: string;
  number?: string | null;
  title: string;
  year: number;
  issued_on?: string | null;
  legal_basis?: unknown;
  source_text?: string | null;
  status?: string;
  /** Reporting period of continuous tasks (month | quarter | half_year | year); default half_year. */
  reporting_period?: string;
  tasks?: PlanTaskInput[];
};

export const REPORTING_PERIODS = ["month", "quarter", "half_year", "year"] as const;
const PLAN_STATUSES = ["draft", "issued", "in_progress", "completed", "cancelled"] as const;
const INSTANCE_STATUSES = ["pending", "in_progress", "done", "overdue", "cancelled"] as const;

type PlanRow = typeof plans.$inferSelect;
type TaskRow = typeof planTasks.$inferSelect;
type InstanceRow = typeof taskInstances.$inferSelect;

const planDto = (r: PlanRow) => {
  const { searchText: _s, ...rest } = r;
  return toSnake(rest);
};
export type PlanDto = ReturnType<typeof planDto>;
export type PlanTaskDto = ReturnType<typeof toSnake<TaskRow>>;
export type TaskInstanceDto = ReturnType<typeof toSnake<InstanceRow>>;

function checkStatus(status: string | undefined, allowed: readonly string[], field = "status"): void {
  if (status !== undefined && !allowed.includes(status))
    throw new DomainError(
      "invalid_status",
      field,
      `Trạng thái không hợp lệ "${status}"; chỉ nhận: ${allowed.join(", ")}.`,
    );
}

function taskValues(planId: string, t: PlanTaskInput, position: number) {
  return {
    planId,
    position,
    ref: t.ref ?? null,
    content: t.content,
    leadAgencyId: t.lead_agency_id ?? null,
    leadRole: t.lead_role ?? null,
    coordinatorAgencyIds: t.coordinator_agency_ids ?? [],
    coordinatorRoles: t.coordinator_roles ?? [],
    timing: t.timing ?? null,
    schedule: t.schedule ?? null,
    expectedOutput: t.expected_output ?? null,
    basis: t.basis ?? null,
  };
}

export async function createPlan(
  db: AppDb,
  scope: Scope,
  input: PlanInput,
): Promise<PlanDto & { tasks: PlanTaskDto[] }> {
  requirePermission(scope, "plans.write");
  // The owner is who the caller acts for. Each task's lead and coordinators are the agencies the issued plan assigns
  // (a THADS recording the province's plan names the Sở Tư pháp as lead): addressees, like a request's recipient.
  requireWritableAgencies(scope, [["agency_id", input.agency_id]]);
  checkStatus(input.status, PLAN_STATUSES);
  checkStatus(input.reporting_period, REPORTING_PERIODS, "reporting_period");
  const tasksIn = await withExecutors(db, input.agency_id, input.tasks ?? []);
  return db.transaction(async (tx) => {
    if (input.source_text) await refuseImportedAgain(tx, input.agency_id, input.year, input.source_text);
    const [p] = await tx
      .insert(plans)
      .values({
        agencyId: input.agency_id,
        number: input.number ?? null,
        title: input.title,
        year: input.year,
        issuedOn: input.issued_on ?? null,
        legalBasis: input.legal_basis ?? null,
        sourceText: input.source_text ?? null,
        status: input.status ?? "draft",
        reportingPeriod: input.reporting_period ?? "half_year",
        searchText: searchText(input.number, input.title),
        createdBy: scope.userId,
      })
      .returning();
    const tasks = tasksIn.length
      ? await tx
          .insert(planTasks)
          .values(tasksIn.map((t, i) => taskValues(p.id, t, i + 1)))
          .returning()
      : [];
    const out = { ...planDto(p), tasks: tasks.map((t) => toSnake(t)) };
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "plan.create",
      entity: "plan",
      entity_id: p.id,
      after: { ...planDto(p), source_text: undefined, task_count: tasks.length },
    });
    return out;
  });
}

/**
 * The same document imported again for the same agency and year (confirm pressed again after a reload, in a second
 * tab, by a colleague) would put every task twice on the board and in every assigned agency's inbox: refused, naming
 * the plan already made. One lock per agency makes two confirmations at once see each other.
 */
async function refuseImportedAgain(tx: AppDb, agencyId: string, year: number, sourceText: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan_import:${agencyId}`}))`);
  const [same] = await tx
    .select({ title: plans.title, createdAt: plans.createdAt })
    .from(plans)
    .where(and(eq(plans.agencyId, agencyId), eq(plans.year, year), eq(plans.sourceText, sourceText)))
    .limit(1);
  if (same)
    throw new DomainError(
      "duplicate",
      "text",
      `Văn bản kế hoạch này đã được nhập lúc ${formatViDateTime(same.createdAt)} (“${same.title}”); mở kế hoạch đó trên bảng nhiệm vụ để sửa, không nhập lại.`,
    );
}

/**
 * Tasks whose lead/coordinator agencies are not given get them from their roles, resolved in the province of the plan's
 * owning agency on today's date (the agencies that must act now). Explicit ids are kept.
 */
async function withExecutors(db: AppDb, ownerId: string, tasks: PlanTaskInput[]): Promise<PlanTaskInput[]> {
  if (!tasks.some((t) => t.lead_agency_id === undefined && (t.lead_role || t.coordinator_roles?.length))) return tasks;
  const facts = await agencyFacts(db);
  const owner = facts.find((a) => a.id === ownerId);
  if (!owner) throw notFound("cơ quan sở hữu kế hoạch", "agency_id");
  const today = todayVn();
  return tasks.map((t) => {
    if (t.lead_agency_id !== undefined) return t;
    const ex = planTaskExecutors(
      { lead_role: t.lead_role ?? null, coordinator_roles: t.coordinator_roles ?? [] },
      owner,
      facts,
      today,
    );
    return {
      ...t,
      lead_agency_id: ex.lead_agency_id,
      coordinator_agency_ids: t.coordinator_agency_ids ?? ex.coordinator_agency_ids,
    };
  });
}

/** The plan with its tasks; `owned` false = the caller's agency is only named in it (read-only). */
export async function getPlan(
  db: AppDb,
  scope: Scope,
  id: string,
): Promise<PlanDto & { owned: boolean; tasks: PlanTaskDto[] }> {
  const sc = planVisibleCondition(scope);
  const [p] = await db
    .select()
    .from(plans)
    .where(sc ? and(eq(plans.id, id), sc) : eq(plans.id, id));
  if (!p) throw notFound("kế hoạch");
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, id)).orderBy(asc(planTasks.position));
  return { ...planDto(p), owned: ownsPlan(scope, p.agencyId), tasks: tasks.map((t) => toSnake(t)) };
}

function ownsPlan(scope: Scope, agencyId: string): boolean {
  return scope.visibleAgencyIds === "all" || scope.visibleAgencyIds.includes(agencyId);
}

export async function listPlans(
  db: AppDb,
  scope: Scope,
  filter: { q?: string; year?: number; agency_id?: string; status?: string } = {},
  page: Page = {},
): Promise<PageResult<PlanDto & { owned: boolean }>> {
  const { limit, offset } = normalizePage(page);
  const conds: SQL[] = [];
  const sc = planVisibleCondition(scope);
  if (sc) conds.push(sc);
  if (filter.q) conds.push(ilike(plans.searchText, likePattern(filter.q)));
  if (filter.year) conds.push(eq(plans.year, filter.year));
  if (filter.agency_id) conds.push(eq(plans.agencyId, filter.agency_id));
  if (filter.status) conds.push(eq(plans.status, filter.status));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(plans).where(where).orderBy(desc(plans.year), asc(plans.title)).limit(limit).offset(offset),
    db.select({ n: count() }).from(plans).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...planDto(r), owned: ownsPlan(scope, r.agencyId) })),
    total: Number(n),
    limit,
    offset,
  };
}

export type PlanPatch = Partial<
  Pick<PlanInput, "number" | "title" | "year" | "issued_on" | "legal_basis" | "status" | "reporting_period">
>;

export async function updatePlan(
  db: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: PlanPatch,
): Promise<PlanDto> {
  requirePermission(scope, "plans.write");
  checkStatus(patch.status, PLAN_STATUSES);
  checkStatus(patch.reporting_period, REPORTING_PERIODS, "reporting_period");
  return db.transaction(async (tx) => {
    const sc = planOwnerCondition(scope);
    const [before] = await tx
      .select()
      .from(plans)
      .where(sc ? and(eq(plans.id, id), sc) : eq(plans.id, id))
      .for("update");
    if (!before) throw notFound("kế hoạch");
    if (before.version !== expectedVersion) throw staleVersion("Kế hoạch", expectedVersion, before.version);
    const set: Partial<typeof plans.$inferInsert> = {};
    if (patch.number !== undefined) set.number = patch.number;
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.year !== undefined) set.year = patch.year;
    if (patch.issued_on !== undefined) set.issuedOn = patch.issued_on;
    if (patch.legal_basis !== undefined) set.legalBasis = patch.legal_basis;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.reporting_period !== undefined) set.reportingPeriod = patch.reporting_period;
    const [after] = await tx
      .update(plans)
      .set({
        ...set,
        searchText: searchText(set.number ?? before.number, set.title ?? before.title),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(plans.id, id), eq(plans.version, expectedVersion)))
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "plan.update",
      entity: "plan",
      entity_id: id,
      ...auditDiff(planDto(before), planDto(after)),
    });
    return planDto(after);
  });
}

// ---- task instances ------------------------------------------------------------------------------------------------

export type TaskInstanceInput = {
  task_id: string;
  /** Owning (executing) agency; default: the task's lead agency, else the plan's owning agency. */
  agency_id?: string;
  lead_agency_id?: string | null;
  coordinator_agency_ids?: string[];
  period_label?: string | null;
  due?: string | null;
  status?: string;
};

/**
 * Occurrences of plan tasks. By default each belongs to the task's lead agency and lists its coordinators (each gets a
 * contribution row). The caller must own the plan; an explicit agency must be in scope or be the task's lead.
 */
export async function createTaskInstances(
  db: AppDb,
  scope: Scope,
  list: TaskInstanceInput[],
): Promise<TaskInstanceDto[]> {
  requirePermission(scope, "plans.write");
  list.forEach((t, i) => {
    checkStatus(t.status, INSTANCE_STATUSES, `[${i}].status`);
  });
  if (list.length === 0) return [];
  return db.transaction(async (tx) => {
    const taskIds = [...new Set(list.map((t) => t.task_id))];
    const found = await tx
      .select({
        id: planTasks.id,
        leadAgencyId: planTasks.leadAgencyId,
        coordinatorAgencyIds: planTasks.coordinatorAgencyIds,
        planAgencyId: plans.agencyId,
      })
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(inArray(planTasks.id, taskIds));
    const byId = new Map(found.map((f) => [f.id, f]));
    // Every explicit agency of an occurrence is in the write scope or named by the caller's plan for that task.
    list.forEach((t, i) => {
      const task = byId.get(t.task_id);
      const named = task ? [task.leadAgencyId, ...(task.coordinatorAgencyIds ?? [])].filter((a) => a !== null) : [];
      requireWritableAgencies(
        scope,
        [
          [`items[${i}].agency_id`, t.agency_id],
          [`items[${i}].lead_agency_id`, t.lead_agency_id],
          [`items[${i}].coordinator_agency_ids`, t.coordinator_agency_ids],
        ],
        named,
      );
    });
    // Only tasks of plans the caller owns (a task id of another province's plan is "not found").
    if (found.length !== taskIds.length || found.some((f) => !ownsPlan(scope, f.planAgencyId)))
      throw notFound("nhiệm vụ của kế hoạch", "task_id");
    const values = list.map((t) => {
      const task = byId.get(t.task_id)!;
      const lead = t.lead_agency_id !== undefined ? t.lead_agency_id : task.leadAgencyId;
      const agencyId = t.agency_id ?? occurrenceOwner({ lead_agency_id: lead }, task.planAgencyId);
      const coordinators = (t.coordinator_agency_ids ?? task.coordinatorAgencyIds ?? []).filter((c) => c !== agencyId);
      return {
        taskId: t.task_id,
        agencyId,
        leadAgencyId: lead ?? agencyId,
        coordinatorAgencyIds: coordinators,
        periodLabel: t.period_label ?? null,
        due: t.due ?? null,
        status: t.status ?? "pending",
      };
    });
    const rows = await tx.insert(taskInstances).values(values).returning();
    const contributions = rows.flatMap((r) =>
      (r.coordinatorAgencyIds ?? []).map((agencyId) => ({ taskInstanceId: r.id, agencyId })),
    );
    for (let k = 0; k < contributions.length; k += 500)
      await tx
        .insert(taskInstanceCoordinators)
        .values(contributions.slice(k, k + 500))
        .onConflictDoNothing();
    const out = rows.map((r) => toSnake(r));
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "task_instance.create",
      entity: "task_instance",
      entity_id: rows.length === 1 ? rows[0].id : null,
      after: { ids: rows.map((r) => r.id), count: rows.length },
    });
    return out;
  });
}

type ContributionRow = typeof taskInstanceCoordinators.$inferSelect;
export type ContributionDto = Pick<
  ReturnType<typeof toSnake<ContributionRow>>,
  "agency_id" | "status" | "note" | "completed_on" | "version" | "updated_by" | "updated_at"
> & {
  effective_status: string /** The caller records this part (its own agency's, or a predecessor's). */;
  is_own?: boolean;
};

/** Contribution rows of the given occurrences, keyed by occurrence id (each with its derived status). */
export async function contributionsOf(
  db: AppDb,
  instances: ReadonlyArray<{ id: string; due: string | null }>,
  today = todayVn(),
): Promise<Map<string, ContributionDto[]>> {
  const out = new Map<string, ContributionDto[]>();
  if (instances.length === 0) return out;
  const due = new Map(instances.map((i) => [i.id, i.due]));
  const rows = await db
    .select()
    .from(taskInstanceCoordinators)
    .where(
      inArray(
        taskInstanceCoordinators.taskInstanceId,
        instances.map((i) => i.id),
      ),
    )
    .orderBy(asc(taskInstanceCoordinators.agencyId));
  for (const r of rows) {
    const list = out.get(r.taskInstanceId) ?? [];
    list.push({
      agency_id: r.agencyId,
      status: r.status,
      note: r.note,
      completed_on: r.completedOn,
      version: r.version,
      updated_by: r.updatedBy,
      updated_at: r.updatedAt,
      effective_status: effectiveStatus({ status: r.status, due: due.get(r.taskInstanceId) ?? null }, today),
    });
    out.set(r.taskInstanceId, list);
  }
  return out;
}

export type TaskInstanceView = TaskInstanceDto & {
  effective_status: string;
  /** True when the caller's agency leads (owns) the occurrence and may update it. */
  is_lead: boolean;
  coordinators: ContributionDto[];
};

function isLead(scope: Scope, r: InstanceRow): boolean {
  if (scope.visibleAgencyIds === "all") return true;
  const v = scope.visibleAgencyIds;
  return v.includes(r.agencyId) || (r.leadAgencyId !== null && v.includes(r.leadAgencyId));
}

export async function instanceViews(
  db: AppDb,
  scope: Scope,
  rows: InstanceRow[],
  today = todayVn(),
): Promise<TaskInstanceView[]> {
  const contributions = await contributionsOf(db, rows, today);
  return rows.map((r) => ({
    ...toSnake(r),
    effective_status: effectiveStatus(r, today),
    is_lead: isLead(scope, r),
    coordinators: (contributions.get(r.id) ?? []).map((c) => ({
      ...c,
      is_own: recordsContributionOf(scope, c.agency_id),
    })),
  }));
}

export async function listTaskInstances(
  db: AppDb,
  scope: Scope,
  filter: {
    task_id?: string;
    plan_id?: string;
    agency_id?: string;
    status?: string;
    due_before?: string;
    /** Open occurrences due soon (5 working days) or overdue. */
    due?: DueFilter;
    ids?: string[];
  } = {},
  page: Page = {},
  today = todayVn(),
): Promise<PageResult<TaskInstanceView>> {
  const { limit, offset } = normalizePage(page);
  const conds: SQL[] = [];
  const sc = taskVisibleCondition(scope);
  if (sc) conds.push(sc);
  if (filter.task_id) conds.push(eq(taskInstances.taskId, filter.task_id));
  if (filter.plan_id)
    conds.push(
      inArray(
        taskInstances.taskId,
        db.select({ id: planTasks.id }).from(planTasks).where(eq(planTasks.planId, filter.plan_id)),
      ),
    );
  if (filter.agency_id) conds.push(eq(taskInstances.agencyId, filter.agency_id));
  if (filter.status) conds.push(effectiveStatusCondition(filter.status, today));
  if (filter.due_before) conds.push(lte(taskInstances.due, filter.due_before));
  if (filter.ids) conds.push(inArray(taskInstances.id, filter.ids));
  if (filter.due)
    conds.push(
      inArray(taskInstances.status, ["pending", "in_progress", "overdue"]),
      dueCondition(taskInstances.due, filter.due, today),
    );
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(taskInstances)
      .where(where)
      .orderBy(asc(taskInstances.due), asc(taskInstances.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(taskInstances).where(where),
  ]);
  return { items: await instanceViews(db, scope, rows, today), total: Number(n), limit, offset };
}

/** An occurrence the caller may update: visible, and led by an agency in scope (403 for a coordinator). */
export async function loadLedTask(db: AppDb, scope: Scope, id: string, forUpdate = false): Promise<InstanceRow> {
  const sc = taskVisibleCondition(scope);
  const q = db
    .select()
    .from(taskInstances)
    .where(sc ? and(eq(taskInstances.id, id), sc) : eq(taskInstances.id, id));
  const [row] = forUpdate ? await q.for("update") : await q;
  if (!row) throw notFound("nhiệm vụ");
  if (!isLead(scope, row))
    throw new DomainError(
      "forbidden",
      "id",
      "Chỉ cơ quan chủ trì cập nhật trạng thái và minh chứng của nhiệm vụ; cơ quan phối hợp cập nhật phần phối hợp của mình.",
    );
  return row;
}

export async function updateTaskInstance(
  db: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: { status?: string; evidence?: unknown; completed_on?: string | null; due?: string | null },
): Promise<TaskInstanceView> {
  requirePermission(scope, "plans.write");
  return db.transaction(async (tx) => {
    const before = await loadLedTask(tx, scope, id, true);
    if (before.version !== expectedVersion) throw staleVersion("Nhiệm vụ", expectedVersion, before.version);
    const set: Partial<typeof taskInstances.$inferInsert> = {};
    // Status moves along the task workflow (domain/tasks); "done" records the completion date, reopening clears it.
    if (patch.status !== undefined) Object.assign(set, taskStatusPatch(before, patch.status, todayVn()));
    if (patch.evidence !== undefined) set.evidence = patch.evidence;
    if (patch.completed_on !== undefined) set.completedOn = patch.completed_on;
    if (patch.due !== undefined) set.due = patch.due;
    const [after] = await tx
      .update(taskInstances)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(taskInstances.id, id))
      .returning();
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "task_instance.update",
      entity: "task_instance",
      entity_id: id,
      ...auditDiff(toSnake(before), toSnake(after)),
    });
    const [view] = await instanceViews(tx, scope, [after]);
    return view;
  });
}

// Plans (kế hoạch), their tasks and task instances — basic CRUD with scope, optimistic concurrency and audit.
// A plan is visible to its issuing agency's scope; a task instance to the scope of its executing or lead agency.
import { and, asc, count, desc, eq, ilike, inArray, lte, type SQL } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor, auditDiff } from "../audit.ts";
import { plans, planTasks, taskInstances } from "../schema/index.ts";
import { requireAgencyInScope, requirePermission, scopeCondition } from "../scope.ts";
import { likePattern, searchText } from "../search.ts";
import type { AppDb } from "../types.ts";
import { normalizePage, notFound, type Page, type PageResult, staleVersion, todayVn, toSnake } from "./common.ts";
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
  tasks?: PlanTaskInput[];
};

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
  requireAgencyInScope(scope, "agency_id", input.agency_id);
  checkStatus(input.status, PLAN_STATUSES);
  return db.transaction(async (tx) => {
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
        searchText: searchText(input.number, input.title),
        createdBy: scope.userId,
      })
      .returning();
    const tasks = input.tasks?.length
      ? await tx
          .insert(planTasks)
          .values(input.tasks.map((t, i) => taskValues(p.id, t, i + 1)))
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

export async function getPlan(db: AppDb, scope: Scope, id: string): Promise<PlanDto & { tasks: PlanTaskDto[] }> {
  const sc = scopeCondition(scope, plans.agencyId);
  const [p] = await db
    .select()
    .from(plans)
    .where(sc ? and(eq(plans.id, id), sc) : eq(plans.id, id));
  if (!p) throw notFound("kế hoạch");
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, id)).orderBy(asc(planTasks.position));
  return { ...planDto(p), tasks: tasks.map((t) => toSnake(t)) };
}

export async function listPlans(
  db: AppDb,
  scope: Scope,
  filter: { q?: string; year?: number; agency_id?: string; status?: string } = {},
  page: Page = {},
): Promise<PageResult<PlanDto>> {
  const { limit, offset } = normalizePage(page);
  const conds: SQL[] = [];
  const sc = scopeCondition(scope, plans.agencyId);
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
  return { items: rows.map(planDto), total: Number(n), limit, offset };
}

export type PlanPatch = Partial<Pick<PlanInput, "number" | "title" | "year" | "issued_on" | "legal_basis" | "status">>;

export async function updatePlan(
  db: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: PlanPatch,
): Promise<PlanDto> {
  requirePermission(scope, "plans.write");
  checkStatus(patch.status, PLAN_STATUSES);
  return db.transaction(async (tx) => {
    const sc = scopeCondition(scope, plans.agencyId);
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
  agency_id: string;
  lead_agency_id?: string | null;
  coordinator_agency_ids?: string[];
  period_label?: string | null;
  due?: string | null;
  status?: string;
};

export async function createTaskInstances(
  db: AppDb,
  scope: Scope,
  list: TaskInstanceInput[],
): Promise<TaskInstanceDto[]> {
  requirePermission(scope, "plans.write");
  list.forEach((t, i) => {
    requireAgencyInScope(scope, `[${i}].agency_id`, t.agency_id, t.lead_agency_id);
    checkStatus(t.status, INSTANCE_STATUSES, `[${i}].status`);
  });
  if (list.length === 0) return [];
  return db.transaction(async (tx) => {
    const taskIds = [...new Set(list.map((t) => t.task_id))];
    // Only tasks of plans visible in the caller's scope (a task id of another province's plan is "not found").
    const sc = scopeCondition(scope, plans.agencyId);
    const found = await tx
      .select({ id: planTasks.id })
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(sc ? and(inArray(planTasks.id, taskIds), sc) : inArray(planTasks.id, taskIds));
    if (found.length !== taskIds.length) throw notFound("nhiệm vụ của kế hoạch", "task_id");
    const rows = await tx
      .insert(taskInstances)
      .values(
        list.map((t) => ({
          taskId: t.task_id,
          agencyId: t.agency_id,
          leadAgencyId: t.lead_agency_id ?? null,
          coordinatorAgencyIds: t.coordinator_agency_ids ?? [],
          periodLabel: t.period_label ?? null,
          due: t.due ?? null,
          status: t.status ?? "pending",
        })),
      )
      .returning();
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

export async function listTaskInstances(
  db: AppDb,
  scope: Scope,
  filter: { task_id?: string; plan_id?: string; agency_id?: string; status?: string; due_before?: string } = {},
  page: Page = {},
): Promise<PageResult<TaskInstanceDto>> {
  const { limit, offset } = normalizePage(page);
  const conds: SQL[] = [];
  const sc = scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId);
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
  if (filter.status) conds.push(eq(taskInstances.status, filter.status));
  if (filter.due_before) conds.push(lte(taskInstances.due, filter.due_before));
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
  return { items: rows.map((r) => toSnake(r)), total: Number(n), limit, offset };
}

export async function updateTaskInstance(
  db: AppDb,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: { status?: string; evidence?: unknown; completed_on?: string | null; due?: string | null },
): Promise<TaskInstanceDto> {
  requirePermission(scope, "plans.write");
  return db.transaction(async (tx) => {
    const sc = scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId);
    const [before] = await tx
      .select()
      .from(taskInstances)
      .where(sc ? and(eq(taskInstances.id, id), sc) : eq(taskInstances.id, id))
      .for("update");
    if (!before) throw notFound("nhiệm vụ");
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
    return toSnake(after);
  });
}

// Who sees and who acts on plans and task occurrences, as SQL (one place for every reader: plans, board, statistics,
// dashboard, inbox). An occurrence belongs to its lead agency (agency_id / lead_agency_id); the coordinating agencies
// listed on it see it and record their own part; a plan is seen by its owner and, read-only, by every agency it names.
import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { overdueCutoff } from "../../domain/tasks/index.ts";
import { plans, planTasks, taskInstances } from "../schema/index.ts";
import { listedAgencyInScope, scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { notFound } from "./common.ts";

/** Occurrences whose lead (owning) agency is in scope: these the caller may update. */
export function taskLeadCondition(scope: Scope): SQL | undefined {
  return scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId);
}

/**
 * The newest occurrence the caller leads of the plan task numbered `ref` (KH 2021 "II.1.1", "II.2" …), of one period
 * when `periodLabel` is given: the record made for it (snapshot, meeting) becomes its evidence. Undefined: none.
 */
export async function latestLedTaskInstance(tx: AppDb, scope: Scope, ref: string, periodLabel?: string) {
  const conds = [eq(planTasks.ref, ref)];
  if (periodLabel !== undefined) conds.push(eq(taskInstances.periodLabel, periodLabel));
  const lead = taskLeadCondition(scope);
  if (lead) conds.push(lead);
  const [instance] = await tx
    .select({ id: taskInstances.id })
    .from(taskInstances)
    .innerJoin(planTasks, eq(planTasks.id, taskInstances.taskId))
    .where(and(...conds))
    .orderBy(desc(taskInstances.createdAt))
    .limit(1);
  return instance;
}

/** Occurrences the caller may see: led by or coordinated by an agency in scope, or of a plan the caller owns. */
export function taskVisibleCondition(scope: Scope): SQL | undefined {
  const lead = taskLeadCondition(scope);
  if (!lead) return undefined;
  const owner = planOwnerCondition(scope);
  return or(
    lead,
    listedAgencyInScope(scope, taskInstances.coordinatorAgencyIds),
    sql`exists (select 1 from ${planTasks} join ${plans} on ${plans.id} = ${planTasks.planId}
      where ${planTasks.id} = ${taskInstances.taskId} and ${owner})`,
  );
}

/** Plans the caller owns (issuing agency in scope): these the caller may edit. */
export function planOwnerCondition(scope: Scope): SQL | undefined {
  return scopeCondition(scope, plans.agencyId);
}

/** Plans the caller may see: owned, or naming an agency in scope as lead or coordinator of one of its tasks. */
export function planVisibleCondition(scope: Scope): SQL | undefined {
  const owner = planOwnerCondition(scope);
  if (!owner) return undefined;
  const named = or(
    scopeCondition(scope, planTasks.leadAgencyId),
    listedAgencyInScope(scope, planTasks.coordinatorAgencyIds),
  );
  return or(owner, sql`exists (select 1 from ${planTasks} where ${planTasks.planId} = ${plans.id} and ${named})`);
}

const OPEN = ["pending", "in_progress", "overdue"];

/** SQL twin of the domain's effectiveStatus(...) === "overdue" (same cut-off: the last working day before today). */
export function overdueCondition(today: IsoDate): SQL {
  return and(inArray(taskInstances.status, OPEN), sql`${taskInstances.due} <= ${overdueCutoff(today)}`) as SQL;
}

/** Filter by the status a reader sees ("overdue" derived; "pending"/"in_progress" exclude the overdue ones). */
export function effectiveStatusCondition(status: string, today: IsoDate): SQL {
  if (status === "overdue") return overdueCondition(today);
  const stored = status === "in_progress" ? ["in_progress", "overdue"] : [status];
  const base = inArray(taskInstances.status, stored);
  if (status !== "pending" && status !== "in_progress") return base;
  return and(base, sql`(${taskInstances.due} is null or ${taskInstances.due} > ${overdueCutoff(today)})`) as SQL;
}

/** An occurrence the caller may see (404 otherwise). */
export async function loadVisibleTask(db: AppDb, scope: Scope, id: string) {
  const sc = taskVisibleCondition(scope);
  const [row] = await db
    .select()
    .from(taskInstances)
    .where(sc ? and(eq(taskInstances.id, id), sc) : eq(taskInstances.id, id));
  if (!row) throw notFound("nhiệm vụ");
  return row;
}

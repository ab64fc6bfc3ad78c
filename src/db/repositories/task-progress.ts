// Progress of task occurrences (plan and request tasks) in the caller's scope, per plan and per agency.
import { and, eq, type SQL } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { type Progress, progressOf } from "../../domain/tasks/index.ts";
import { agencies, plans, planTasks, taskInstances } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { todayVn } from "./common.ts";
import { taskVisibleCondition } from "./task-scope.ts";

/** Progress of tasks (plan and request tasks) in scope, grouped by plan and by agency, as of `today`. */
export async function taskProgress(
  db: AppDb,
  scope: Scope,
  filter: { plan_id?: string; agency_id?: string; year?: number } = {},
  today: IsoDate = todayVn(),
): Promise<{
  as_of: IsoDate;
  total: Progress;
  by_plan: Array<{ plan_id: string | null; title: string; progress: Progress }>;
  by_agency: Array<{ agency_id: string; name: string; progress: Progress }>;
}> {
  const conds: SQL[] = [];
  const sc = taskVisibleCondition(scope);
  if (sc) conds.push(sc);
  if (filter.plan_id) conds.push(eq(planTasks.planId, filter.plan_id));
  if (filter.agency_id) conds.push(eq(taskInstances.agencyId, filter.agency_id));
  if (filter.year) conds.push(eq(plans.year, filter.year));
  const rows = await db
    .select({
      status: taskInstances.status,
      due: taskInstances.due,
      agencyId: taskInstances.agencyId,
      planId: planTasks.planId,
      planTitle: plans.title,
      agencyName: agencies.name,
    })
    .from(taskInstances)
    .leftJoin(planTasks, eq(planTasks.id, taskInstances.taskId))
    .leftJoin(plans, eq(plans.id, planTasks.planId))
    .innerJoin(agencies, eq(agencies.id, taskInstances.agencyId))
    .where(conds.length ? and(...conds) : undefined);
  const group = <K extends string | null>(key: (r: (typeof rows)[number]) => K) => {
    const m = new Map<K, typeof rows>();
    for (const r of rows) {
      const k = key(r);
      const l = m.get(k);
      if (l) l.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  return {
    as_of: today,
    total: progressOf(rows, today),
    by_plan: [...group((r) => r.planId)].map(([plan_id, list]) => ({
      plan_id,
      title: list[0].planTitle ?? "Nhiệm vụ phát sinh từ yêu cầu phối hợp",
      progress: progressOf(list, today),
    })),
    by_agency: [...group((r) => r.agencyId)]
      .map(([agency_id, list]) => ({
        agency_id: agency_id as string,
        name: list[0].agencyName,
        progress: progressOf(list, today),
      }))
      .sort((a, b) => (a.agency_id < b.agency_id ? -1 : 1)),
  };
}

// National / scoped dashboard (GET /api/dashboard): the claim figures are the statistics indicators of the current
// year — the same figures and scope as /api/statistics (issue 17), read from the standing table claim_statistics in
// one aggregate (handlingStatistics; issue 16) — and beside them the work
// lists: deadlines due this week and overdue, plan progress per executing agency, requests awaiting action.
// Scope conditions are the lists' own (claims via claimListWhere, task instances and requests via scopeCondition).
// PERFORMANCE: the work lists are read in ONE statement (one round trip), each list as a json_agg sub-select with its
// own ORDER BY / LIMIT: on PGlite a statement costs a fixed overhead whatever its size (bench/volume.bench.ts).
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { addDays, dayOfWeek, type IsoDate } from "../../domain/shared/dates.ts";
import { type DashboardStatistics, dashboardStatistics, reportPeriod } from "../../domain/statistics/index.ts";
import {
  agencies,
  claimDeadlines,
  claims,
  claimPendingDeadlines as pending,
  requests,
  taskInstances,
} from "../schema/index.ts";
import { scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { claimListWhere } from "./claims.ts";
import { handlingStatistics } from "./handling-statistics.ts";
import { overdueCondition } from "./task-scope.ts";

export type DashboardDeadline = {
  claim_id: string;
  code: string;
  claimant_name: string;
  step: string;
  label: string | null;
  due: string;
  basis: string | null;
  confidence: string | null;
};
export type DashboardData = {
  as_of: IsoDate;
  week: { from: IsoDate; to: IsoDate };
  /** Claim figures: statistics indicators of the year of `as_of` (the /api/statistics default period). */
  statistics: DashboardStatistics;
  deadlines_this_week: DashboardDeadline[];
  deadlines_overdue: DashboardDeadline[];
  /** Counts of the two deadline lists (the lists themselves stop at 50 rows). */
  deadlines_this_week_total: number;
  deadlines_overdue_total: number;
  plan_progress: Array<{
    agency_id: string;
    agency_name: string;
    total: number;
    done: number;
    in_progress: number;
    pending: number;
    overdue: number;
  }>;
  requests_awaiting: {
    total: number;
    items: Array<{
      id: string;
      kind: string;
      topic: string;
      from_agency_id: string;
      status: string;
      due: string | null;
    }>;
  };
};

const num = (v: unknown) => Number(v ?? 0);

/** "Ủy ban nhân dân tỉnh Thanh Hóa" → "Tỉnh Thanh Hóa"; claims of central agencies → "Trung ương". */
const provinceName = (name: string | undefined, id: string) => {
  if (id === "central") return "Trung ương";
  if (!name) return null;
  const n = name.replace(/^Ủy ban nhân dân\s+/i, "");
  return n.charAt(0).toLocaleUpperCase("vi") + n.slice(1);
};

/** Dashboard figures inside `scope` as of a day (the week is Monday … Sunday containing `asOf`). */
export async function loadDashboard(db: AppDb, scope: Scope, asOf: IsoDate): Promise<DashboardData> {
  // Week = Monday … Sunday containing as_of (dayOfWeek: 0 = Sunday).
  const dow = dayOfWeek(asOf);
  const weekFrom = addDays(asOf, dow === 0 ? -6 : 1 - dow);
  const weekTo = addDays(weekFrom, 6);
  const openCond = claimListWhere(scope, { open: true }) ?? sql`true`;
  const year = Number(asOf.slice(0, 4));
  const period = { ...reportPeriod("year", year), kind: "year" as const, year, label: `Năm ${year}` }; // = /api/statistics?kind=year&year=

  const deadlineFrom = (
    extra: SQL,
  ) => sql`from ${claimDeadlines} join ${claims} on ${claims.id} = ${claimDeadlines.claimId}
    where ${openCond} and ${claimDeadlines.kind} = 'deadline' and ${claimDeadlines.status} in ('open', 'overdue')
      and ${extra}`;
  const deadlines = (extra: SQL) => sql`select ${claims.id} as claim_id, ${claims.code} as code,
      ${claims.claimantName} as claimant_name, ${claimDeadlines.step} as step, ${claimDeadlines.label} as label,
      ${claimDeadlines.due} as due, ${claimDeadlines.basis} as basis, ${claimDeadlines.confidence} as confidence
    ${deadlineFrom(extra)}
    order by ${claimDeadlines.due} asc, ${claims.code} asc limit 50`;
  const weekCond = sql`${claimDeadlines.due} >= ${asOf} and ${claimDeadlines.due} <= ${weekTo}`;
  const overdueCond = sql`${claimDeadlines.due} < ${asOf}`;
  // The counts read the narrow claim_pending_deadlines (the rows deadlineFrom selects, kept by every deadline writer):
  // counting thousands of overdue duties through the wide claim_deadlines rows and the claims cost most of the request.
  const scopeCond = claimListWhere(scope);
  const pendingCount = (extra: SQL) => sql`(select count(*)::int from ${pending}
    ${scopeCond ? sql`join ${claims} on ${claims.id} = ${pending.claimId}` : sql``}
    where ${extra} ${scopeCond ? sql`and ${scopeCond}` : sql``})`;

  const tiScope = scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId);
  const progress = sql`select ${taskInstances.agencyId} as agency_id, ${agencies.name} as agency_name,
      ${taskInstances.status} as status,
      (${overdueCondition(asOf)}) as late, count(*)::int as n
    from ${taskInstances} join ${agencies} on ${agencies.id} = ${taskInstances.agencyId}
    ${tiScope ? sql`where ${tiScope}` : sql``}
    group by 1, 2, 3, 4`;

  // Requests awaiting action: addressed to the acting agency, still open or in progress.
  const awaitingWhere = and(
    scope.agencyId ? eq(requests.toAgencyId, scope.agencyId) : sql`false`,
    inArray(requests.status, ["open", "in_progress"]),
  );
  const awaiting = sql`select ${requests.id} as id, ${requests.kind} as kind, ${requests.topic} as topic,
      ${requests.fromAgencyId} as from_agency_id, ${requests.status} as status, ${requests.due} as due
    from ${requests} where ${awaitingWhere}
    order by ${requests.due} asc nulls last, ${requests.createdAt} asc limit 10`;

  // Province names: statistics group by the UBND tỉnh (its id).
  const names = sql`select ${agencies.id} as id, ${agencies.name} as name from ${agencies}
    where ${agencies.role} = 'UBND_TINH'`;

  const list = (q: SQL, order = sql`true`) =>
    sql`(select coalesce(json_agg(t order by ${order}), '[]'::json) from (${q}) t)`;
  const [stats, result] = await Promise.all([
    handlingStatistics(db, scope, period, { byProvince: true }),
    db.execute(sql`select
      ${list(deadlines(weekCond), sql`t.due, t.code`)} as week,
      ${list(deadlines(overdueCond), sql`t.due, t.code`)} as overdue,
      ${pendingCount(sql`${pending.due} >= ${asOf} and ${pending.due} <= ${weekTo}`)} as week_total,
      ${pendingCount(sql`${pending.due} < ${asOf}`)} as overdue_total,
      ${list(progress)} as progress,
      ${list(awaiting)} as awaiting,
      (select count(*)::int from ${requests} where ${awaitingWhere}) as awaiting_total,
      ${list(names)} as names`),
  ]);
  const row = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0];
  const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

  const provinceNames = new Map(json<Array<{ id: string; name: string }>>(row.names).map((r) => [r.id, r.name]));
  const statistics = dashboardStatistics(stats, period);
  for (const f of statistics.handled_by_province)
    f.name = provinceName(provinceNames.get(f.province_id ?? ""), f.province_id ?? "");

  const progressMap = new Map<string, DashboardData["plan_progress"][number]>();
  for (const r of json<Array<{ agency_id: string; agency_name: string; status: string; late: boolean; n: number }>>(
    row.progress,
  )) {
    const p = progressMap.get(r.agency_id) ?? {
      agency_id: r.agency_id,
      agency_name: r.agency_name,
      total: 0,
      done: 0,
      in_progress: 0,
      pending: 0,
      overdue: 0,
    };
    const n = num(r.n);
    p.total += n;
    // Same derived status as everywhere (domain/tasks effectiveStatus): an open, late task counts as overdue only.
    if (r.late) p.overdue += n;
    else if (r.status === "done") p.done += n;
    else if (r.status === "in_progress" || r.status === "overdue") p.in_progress += n;
    else if (r.status === "pending") p.pending += n;
    progressMap.set(r.agency_id, p);
  }
  const dl = (v: unknown) => json<DashboardDeadline[]>(v).map((d) => ({ ...d, due: d.due ?? "" }));

  return {
    as_of: asOf,
    week: { from: weekFrom, to: weekTo },
    statistics,
    deadlines_this_week: dl(row.week),
    deadlines_overdue: dl(row.overdue),
    deadlines_this_week_total: num(row.week_total),
    deadlines_overdue_total: num(row.overdue_total),
    plan_progress: [...progressMap.values()].sort((a, b) => b.total - a.total).slice(0, 20),
    requests_awaiting: { total: num(row.awaiting_total), items: json(row.awaiting) },
  };
}

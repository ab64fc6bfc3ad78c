// National / scoped dashboard aggregates (GET /api/dashboard): open claims by state and field, deadlines due this week
// and overdue, plan progress per executing agency, requests awaiting action, claims by year, province and field.
// Scope conditions are the lists' own (claims via claimListWhere, task instances and requests via scopeCondition).
// PERFORMANCE: everything is read in ONE statement (one round trip): the claim figures in one pass over the claims
// (GROUPING SETS, open counts as FILTER), each list as a json_agg sub-select with its own ORDER BY / LIMIT. On PGlite a
// statement costs a fixed overhead whatever its size, so 12 statements → 1 is what brings the national dashboard under
// 50 ms at 100× volume (bench/volume.bench.ts). Same figures, same order as the 12-statement version it replaced.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { addDays, dayOfWeek, type IsoDate } from "../../domain/shared/dates.ts";
import { agencies, claimDeadlines, claims, requests, taskInstances } from "../schema/index.ts";
import { scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { claimListWhere } from "./claims.ts";
import { overdueCondition } from "./task-scope.ts";

export type DashboardCount = { key: string; n: number };
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
  claims_total: number;
  claims_open: number;
  open_by_state: DashboardCount[];
  open_by_field: DashboardCount[];
  by_year: DashboardCount[];
  by_province: Array<DashboardCount & { name: string | null }>;
  by_field: DashboardCount[];
  deadlines_this_week: DashboardDeadline[];
  deadlines_overdue: DashboardDeadline[];
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

type GroupRow = { g: string; key: string | number | null; n: number; n_open: number };

/** Dashboard figures inside `scope` as of a day (the week is Monday … Sunday containing `asOf`). */
export async function loadDashboard(db: AppDb, scope: Scope, asOf: IsoDate): Promise<DashboardData> {
  // Week = Monday … Sunday containing as_of (dayOfWeek: 0 = Sunday).
  const dow = dayOfWeek(asOf);
  const weekFrom = addDays(asOf, dow === 0 ? -6 : 1 - dow);
  const weekTo = addDays(weekFrom, 6);
  const all = claimListWhere(scope, {});
  const whereAll = all ? sql`where ${all}` : sql``;
  const openCond = claimListWhere(scope, { open: true }) ?? sql`true`;

  // Claim figures: one pass, one grouping set per figure; "g" names the set.
  const groups = sql`select case
        when grouping(${claims.state}) = 0 then 'state' when grouping(${claims.field}) = 0 then 'field'
        when grouping(extract(year from ${claims.receivedOn})) = 0 then 'year'
        when grouping(${agencies.provinceCode}) = 0 then 'province' else 'total' end as g,
      coalesce(${claims.state}, ${claims.field}, extract(year from ${claims.receivedOn})::int::text, ${agencies.provinceCode}) as key,
      count(*)::int as n, (count(*) filter (where ${claims.open}))::int as n_open
    from ${claims} join ${agencies} on ${agencies.id} = ${claims.handlingAgencyId}
    ${whereAll}
    group by grouping sets ((), (${claims.state}), (${claims.field}), (extract(year from ${claims.receivedOn})), (${agencies.provinceCode}))`;

  const deadlines = (extra: SQL) => sql`select ${claims.id} as claim_id, ${claims.code} as code,
      ${claims.claimantName} as claimant_name, ${claimDeadlines.step} as step, ${claimDeadlines.label} as label,
      ${claimDeadlines.due} as due, ${claimDeadlines.basis} as basis, ${claimDeadlines.confidence} as confidence
    from ${claimDeadlines} join ${claims} on ${claims.id} = ${claimDeadlines.claimId}
    where ${openCond} and ${claimDeadlines.kind} = 'deadline' and ${claimDeadlines.status} in ('open', 'overdue')
      and ${extra}
    order by ${claimDeadlines.due} asc, ${claims.code} asc limit 50`;

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

  // Province names: the UBND tỉnh of each province code (the last row per code wins, as a Map.set loop would).
  const names = sql`select ${agencies.provinceCode} as code, ${agencies.name} as name from ${agencies}
    where ${agencies.role} = 'UBND_TINH' and ${agencies.provinceCode} is not null`;

  const list = (q: SQL, order = sql`true`) =>
    sql`(select coalesce(json_agg(t order by ${order}), '[]'::json) from (${q}) t)`;
  const result = await db.execute(sql`select
      ${list(groups, sql`t.g, t.key`)} as groups,
      ${list(deadlines(sql`${claimDeadlines.due} >= ${asOf} and ${claimDeadlines.due} <= ${weekTo}`), sql`t.due, t.code`)} as week,
      ${list(deadlines(sql`${claimDeadlines.due} < ${asOf}`), sql`t.due, t.code`)} as overdue,
      ${list(progress)} as progress,
      ${list(awaiting)} as awaiting,
      (select count(*)::int from ${requests} where ${awaitingWhere}) as awaiting_total,
      ${list(names)} as names`);
  const row = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0];
  const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

  const groupRows = json<GroupRow[]>(row.groups);
  // Rows come ordered by (set, key) from SQL — the ORDER BY key asc of the former per-figure statements, in the
  // database's collation, nulls last; years have four digits so text order is numeric order.
  const pick = (g: string, openOnly: boolean) =>
    groupRows
      .filter((r) => r.g === g && (!openOnly || r.n_open > 0))
      .map((r) => ({ key: r.key === null ? "" : String(r.key), n: openOnly ? r.n_open : r.n, raw: r.key }));
  const total = groupRows.find((r) => r.g === "total");
  const provinceNames = new Map<string, string>();
  for (const r of json<Array<{ code: string; name: string }>>(row.names))
    provinceNames.set(r.code, r.name.replace(/^Ủy ban nhân dân\s+/i, ""));

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
  const strip = (l: Array<{ key: string; n: number }>) => l.map(({ key, n }) => ({ key, n }));

  return {
    as_of: asOf,
    week: { from: weekFrom, to: weekTo },
    claims_total: num(total?.n),
    claims_open: num(total?.n_open),
    open_by_state: strip(pick("state", true)),
    open_by_field: strip(pick("field", true)),
    by_year: strip(pick("year", false).filter((r) => r.raw !== null)),
    by_province: strip(pick("province", false)).map((r) => ({ ...r, name: provinceNames.get(r.key) ?? null })),
    by_field: strip(pick("field", false)),
    deadlines_this_week: dl(row.week),
    deadlines_overdue: dl(row.overdue),
    plan_progress: [...progressMap.values()].sort((a, b) => b.total - a.total).slice(0, 20),
    requests_awaiting: { total: num(row.awaiting_total), items: json(row.awaiting) },
  };
}

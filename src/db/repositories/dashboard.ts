// National / scoped dashboard aggregates (GET /api/dashboard): open claims by state and field, deadlines due this week
// and overdue, plan progress per executing agency, requests awaiting action, claims by year, province and field.
// Scope conditions are the lists' own (claims via claimListWhere, task instances and requests via scopeCondition).
import { and, asc, count, eq, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import { addDays, dayOfWeek, type IsoDate } from "../../domain/shared/dates.ts";
import { agencies, claimDeadlines, claims, requests, taskInstances } from "../schema/index.ts";
import { scopeCondition } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { claimListWhere } from "./claims.ts";

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

const counts = (rows: Array<{ key: unknown; n: unknown }>) =>
  rows.map((r) => ({ key: r.key === null ? "" : String(r.key), n: Number(r.n) }));

/** Dashboard figures inside `scope` as of a day (the week is Monday … Sunday containing `asOf`). */
export async function loadDashboard(db: AppDb, scope: Scope, asOf: IsoDate): Promise<DashboardData> {
  // Week = Monday … Sunday containing as_of (dayOfWeek: 0 = Sunday).
  const dow = dayOfWeek(asOf);
  const weekFrom = addDays(asOf, dow === 0 ? -6 : 1 - dow);
  const weekTo = addDays(weekFrom, 6);
  const all = claimListWhere(scope, {});
  const open = claimListWhere(scope, { open: true });
  const year = sql<number>`extract(year from ${claims.receivedOn})::int`;

  const [[tot], [op], byState, byField, byYear, byProvince, byFieldAll] = await Promise.all([
    db.select({ n: count() }).from(claims).where(all),
    db.select({ n: count() }).from(claims).where(open),
    db
      .select({ key: claims.state, n: count() })
      .from(claims)
      .where(open)
      .groupBy(claims.state)
      .orderBy(asc(claims.state)),
    db
      .select({ key: claims.field, n: count() })
      .from(claims)
      .where(open)
      .groupBy(claims.field)
      .orderBy(asc(claims.field)),
    db.select({ key: year, n: count() }).from(claims).where(all).groupBy(year).orderBy(asc(year)),
    db
      .select({ key: agencies.provinceCode, n: count() })
      .from(claims)
      .innerJoin(agencies, eq(agencies.id, claims.handlingAgencyId))
      .where(all)
      .groupBy(agencies.provinceCode)
      .orderBy(asc(agencies.provinceCode)),
    db
      .select({ key: claims.field, n: count() })
      .from(claims)
      .where(all)
      .groupBy(claims.field)
      .orderBy(asc(claims.field)),
  ]);

  // Province names: the UBND tỉnh of each province code.
  const codes = byProvince.map((r) => r.key).filter((c): c is string => !!c);
  const provinceNames = new Map<string, string>();
  if (codes.length) {
    const rows = await db
      .select({ code: agencies.provinceCode, name: agencies.name })
      .from(agencies)
      .where(and(inArray(agencies.provinceCode, codes), eq(agencies.role, "UBND_TINH")));
    for (const r of rows) if (r.code) provinceNames.set(r.code, r.name.replace(/^Ủy ban nhân dân\s+/i, ""));
  }

  const dl = (extra: SQL) =>
    db
      .select({
        claim_id: claims.id,
        code: claims.code,
        claimant_name: claims.claimantName,
        step: claimDeadlines.step,
        label: claimDeadlines.label,
        due: claimDeadlines.due,
        basis: claimDeadlines.basis,
        confidence: claimDeadlines.confidence,
      })
      .from(claimDeadlines)
      .innerJoin(claims, eq(claims.id, claimDeadlines.claimId))
      .where(
        and(
          ...(open ? [open] : []),
          eq(claimDeadlines.kind, "deadline"),
          inArray(claimDeadlines.status, ["open", "overdue"]),
          extra,
        ),
      )
      .orderBy(asc(claimDeadlines.due), asc(claims.code))
      .limit(50);
  const [thisWeek, overdue] = await Promise.all([
    dl(and(gte(claimDeadlines.due, asOf), lte(claimDeadlines.due, weekTo))!),
    dl(lt(claimDeadlines.due, asOf)),
  ]);

  const tiScope = scopeCondition(scope, taskInstances.agencyId, taskInstances.leadAgencyId);
  const progressRows = await db
    .select({
      agency_id: taskInstances.agencyId,
      agency_name: agencies.name,
      status: taskInstances.status,
      late: sql<boolean>`(${taskInstances.status} not in ('done','cancelled') and ${taskInstances.due} < ${asOf})`,
      n: count(),
    })
    .from(taskInstances)
    .innerJoin(agencies, eq(agencies.id, taskInstances.agencyId))
    .where(tiScope)
    .groupBy(taskInstances.agencyId, agencies.name, taskInstances.status, sql`4`);
  const progress = new Map<
    string,
    {
      agency_id: string;
      agency_name: string;
      total: number;
      done: number;
      in_progress: number;
      pending: number;
      overdue: number;
    }
  >();
  for (const r of progressRows) {
    const p = progress.get(r.agency_id) ?? {
      agency_id: r.agency_id,
      agency_name: r.agency_name,
      total: 0,
      done: 0,
      in_progress: 0,
      pending: 0,
      overdue: 0,
    };
    const n = Number(r.n);
    p.total += n;
    if (r.status === "done") p.done += n;
    else if (r.status === "in_progress") p.in_progress += n;
    else if (r.status === "pending") p.pending += n;
    if (r.late || r.status === "overdue") p.overdue += n;
    progress.set(r.agency_id, p);
  }

  // Requests awaiting action: addressed to the acting agency, still open or in progress.
  const awaitingWhere = and(
    scope.agencyId ? eq(requests.toAgencyId, scope.agencyId) : sql`false`,
    inArray(requests.status, ["open", "in_progress"]),
  );
  const [[aw], awItems] = await Promise.all([
    db.select({ n: count() }).from(requests).where(awaitingWhere),
    db
      .select({
        id: requests.id,
        kind: requests.kind,
        topic: requests.topic,
        from_agency_id: requests.fromAgencyId,
        status: requests.status,
        due: requests.due,
      })
      .from(requests)
      .where(awaitingWhere)
      .orderBy(sql`${requests.due} asc nulls last`, asc(requests.createdAt))
      .limit(10),
  ]);

  return {
    as_of: asOf,
    week: { from: weekFrom, to: weekTo },
    claims_total: Number(tot.n),
    claims_open: Number(op.n),
    open_by_state: counts(byState),
    open_by_field: counts(byField),
    by_year: counts(byYear.filter((r) => r.key !== null)),
    by_province: counts(byProvince).map((r) => ({ ...r, name: provinceNames.get(r.key) ?? null })),
    by_field: counts(byFieldAll),
    deadlines_this_week: thisWeek.map((d) => ({ ...d, due: d.due ?? "" })),
    deadlines_overdue: overdue.map((d) => ({ ...d, due: d.due ?? "" })),
    plan_progress: [...progress.values()].sort((a, b) => b.total - a.total).slice(0, 20),
    requests_awaiting: { total: Number(aw.n), items: awItems },
  };
}
